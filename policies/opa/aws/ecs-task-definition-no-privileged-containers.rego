package phiguard

import rego.v1

# METADATA
# title: ecs-task-definition-no-privileged-containers
# description: "ECS task definitions run no privileged container (privileged: true gives the container root on the host)."
deny_ecs_task_definition_no_privileged_containers contains msg if some msg in analyzer_messages("ecs-task-definition-no-privileged-containers")

ecs_task_definition_no_privileged_containers(r) := array.concat(containers.evs, [e |
	some c in containers.cs
	privileged := item_key(c.item, "privileged")
	some e in array.concat(unk(privileged), [{"m": concat("", ["container '", c.name, "' is privileged."])} | is_val(privileged, true)])
]) if {
	containers := edge_containers_of(r)
}

catalog["ecs-task-definition-no-privileged-containers"] := _rule("deny_ecs_task_definition_no_privileged_containers", {edge_task_definition})

resource_rule_events("ecs-task-definition-no-privileged-containers", r) := ecs_task_definition_no_privileged_containers(r)
