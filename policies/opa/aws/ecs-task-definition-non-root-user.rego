package phiguard

import rego.v1

# METADATA
# title: ecs-task-definition-non-root-user
# description: "ECS task definitions run every container as a non-root user (user set, and neither root nor UID 0); a container without user runs as the image's user, root for most images. Host network mode, where a root container can reach the host's interfaces, is where AWS Config requires it."
deny_ecs_task_definition_non_root_user contains msg if some msg in analyzer_messages("ecs-task-definition-non-root-user")

ecs_task_definition_non_root_user(r) := array.concat(containers.evs, [e |
	some c in containers.cs
	some e in _ecs_task_definition_non_root_user(c, item_key(c.item, "user"))
]) if {
	containers := edge_containers_of(r)
}

_ecs_task_definition_non_root_user(c, user) := unk(user) if {
	user.k == "unk"
} else := [{"m": concat("", ["container '", c.name, "' sets no user, so it runs as the image's user (root by default)."])}] if {
	user.k == "none"
} else := [{"m": concat("", ["container '", c.name, "' sets no user, so it runs as the image's user (root by default)."])}] if {
	user.v == ""
} else := [{"m": concat("", ["container '", c.name, "' runs as 'null'."])}] if {
	user.v == null
} else := text.evs if {
	text := edge_string(user)
	count(text.evs) > 0
} else := [{"m": concat("", ["container '", c.name, "' runs as '", text.t, "'."])} | edge_root_user_text(text.t)] if {
	text := edge_string(user)
}

catalog["ecs-task-definition-non-root-user"] := _rule("deny_ecs_task_definition_non_root_user", {edge_task_definition})

resource_rule_events("ecs-task-definition-non-root-user", r) := ecs_task_definition_non_root_user(r)
