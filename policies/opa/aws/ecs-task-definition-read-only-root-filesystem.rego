package phiguard

import rego.v1

# METADATA
# title: ecs-task-definition-read-only-root-filesystem
# description: "ECS task definitions mount every container's root file system read-only (readonlyRootFilesystem: true), so a compromised process cannot alter the image."
deny_ecs_task_definition_read_only_root_filesystem contains msg if some msg in analyzer_messages("ecs-task-definition-read-only-root-filesystem")

ecs_task_definition_read_only_root_filesystem(r) := array.concat(containers.evs, [e |
	some c in containers.cs
	read_only := item_key(c.item, "readonlyRootFilesystem")
	some e in array.concat(unk(read_only), [{"m": concat("", ["container '", c.name, "' has a writable root file system."])} | read_only.k != "unk"; not is_val(read_only, true)])
]) if {
	containers := edge_containers_of(r)
}

catalog["ecs-task-definition-read-only-root-filesystem"] := _rule("deny_ecs_task_definition_read_only_root_filesystem", {edge_task_definition})

resource_rule_events("ecs-task-definition-read-only-root-filesystem", r) := ecs_task_definition_read_only_root_filesystem(r)
