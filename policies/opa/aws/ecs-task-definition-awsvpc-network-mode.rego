package phiguard

import rego.v1

# METADATA
# title: ecs-task-definition-awsvpc-network-mode
# description: "ECS task definitions use the awsvpc network mode, so every task has its own network interface, security groups and flow logs, instead of sharing the host's (host) or a bridge (bridge, the default on EC2)."
deny_ecs_task_definition_awsvpc_network_mode contains msg if some msg in analyzer_messages("ecs-task-definition-awsvpc-network-mode")

aws_ecs_task_definition_awsvpc_network_mode(r) := array.concat(unk(mode), [{"m": concat("", ["networkMode is '", js_string_or(mode, "bridge"), "'; expected 'awsvpc'."])} | mode.k != "unk"; js_string_or(mode, "bridge") != "awsvpc"]) if {
	mode := aws_prop(r, ["networkMode"])
}

catalog["ecs-task-definition-awsvpc-network-mode"] := _rule("deny_ecs_task_definition_awsvpc_network_mode", {"aws:ecs/taskDefinition:TaskDefinition"})

resource_rule_events("ecs-task-definition-awsvpc-network-mode", r) := aws_ecs_task_definition_awsvpc_network_mode(r)
