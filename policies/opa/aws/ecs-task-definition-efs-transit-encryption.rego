package phiguard

import rego.v1

# METADATA
# title: ecs-task-definition-efs-transit-encryption
# description: "ECS task definitions mount EFS volumes with encryption in transit (efsVolumeConfiguration.transitEncryption: ENABLED)."
deny_ecs_task_definition_efs_transit_encryption contains msg if some msg in analyzer_messages("ecs-task-definition-efs-transit-encryption")

ecs_task_definition_efs_transit_encryption(r) := array.concat(volumes.evs, reads) if {
	volumes := edge_array_of(edge_prop(r, ["volumes"]))
	reads := [e | some item in volumes.all; some e in _ecs_task_definition_efs_transit_encryption_read(item)]
	count(volumes.evs) + count(reads) > 0
} else := [] if {
	count(_ecs_task_definition_efs_volumes(r)) == 0
} else := [e |
	some item in _ecs_task_definition_efs_volumes(r)
	some e in _ecs_task_definition_efs_transit_encryption(item)
]

_ecs_task_definition_efs_transit_encryption_read(item) := item_evs(item) if {
	item.u
} else := unk(item_key(item, "efsVolumeConfiguration"))

_ecs_task_definition_efs_volumes(r) := [item |
	some item in edge_array_of(edge_prop(r, ["volumes"])).all
	item_key(item, "efsVolumeConfiguration").k == "val"
]

_ecs_task_definition_efs_transit_encryption(item) := transit.evs if {
	transit := edge_string_or(rd(item.v, item_read(item), ["efsVolumeConfiguration", "transitEncryption"]), "DISABLED")
	count(transit.evs) > 0
} else := [] if {
	upper(edge_string_or(rd(item.v, item_read(item), ["efsVolumeConfiguration", "transitEncryption"]), "DISABLED").t) == "ENABLED"
} else := array.concat(name.evs, [{"m": concat("", ["EFS volume '", name.t, "' is mounted without transit encryption."])} | count(name.evs) == 0]) if {
	name := edge_string(item_key(item, "name"))
}

catalog["ecs-task-definition-efs-transit-encryption"] := _rule("deny_ecs_task_definition_efs_transit_encryption", {edge_task_definition})

resource_rule_events("ecs-task-definition-efs-transit-encryption", r) := ecs_task_definition_efs_transit_encryption(r)
