package phiguard

import rego.v1

# METADATA
# title: backup-selection-covers-phi-data-stores
# description: "Every data store tagged data-classification: phi (RDS instance or cluster, DynamoDB table, EBS volume, EFS file system, EC2 instance) is selected by an AWS Backup plan: by reference, by the phi tag, or by a selection of all resources."
stack_deny_backup_selection_covers_phi_data_stores contains msg if some msg in analyzer_stack_messages("backup-selection-covers-phi-data-stores")

_backup_selection_type := "aws:backup/selection:Selection"

_backup_selection_stores := {
	"aws:rds/instance:Instance",
	"aws:rds/cluster:Cluster",
	"aws:dynamodb/table:Table",
	"aws:ebs/volume:Volume",
	"aws:efs/fileSystem:FileSystem",
	"aws:ec2/instance:Instance",
}

# One attempt per data store, in the order of the stack's resources.
net_backup_selection_covers_phi_data_stores := units_outcome([_backup_selection_unit(store) | some store in resources_of_types(_backup_selection_stores)])

_backup_selection_unit(store) := phi.evs if {
	phi := _backup_selection_is_phi(store)
	count(phi.evs) > 0
} else := [] if {
	not _backup_selection_is_phi(store).v
} else := hit.evs if {
	hit := first_hit([_backup_selection_selects(s, store) | some s in resources_of_type(_backup_selection_type)])
	count(hit.evs) > 0
} else := [] if {
	first_hit([_backup_selection_selects(s, store) | some s in resources_of_type(_backup_selection_type)]).v
} else := [{"m": "this PHI data store is not selected by any aws.backup.Selection.", "urn": store.urn}]

# `isPhi(props)`: {"evs", "v"}.
_backup_selection_is_phi(store) := {"evs": unk(tags), "v": false} if {
	tags := rd(store.props, props_at(store), ["tags"])
	tags.k == "unk"
} else := {"evs": [], "v": false} if {
	tags := rd(store.props, props_at(store), ["tags"])
	not _backup_selection_object_like(tags)
} else := {"evs": unk(value), "v": false} if {
	value := rd(store.props, props_at(store), ["tags", "data-classification"])
	value.k == "unk"
} else := {"evs": [], "v": _backup_selection_phi_text(rd(store.props, props_at(store), ["tags", "data-classification"]))}

# Truthy and of type "object": an object or an array.
_backup_selection_object_like(s) if {
	s.k == "val"
	is_object(s.v)
}

_backup_selection_object_like(s) if {
	s.k == "val"
	is_array(s.v)
}

_backup_selection_phi_text(s) if {
	s.k == "val"
	is_string(s.v)
	lower(trim_space(s.v)) == "phi"
} else := false

# `selectsResource(selection, store) || selectsPhiTag(selection)`: {"evs", "v"}.
_backup_selection_selects(s, store) := {"evs": [], "v": true} if {
	_backup_selection_selects_resource(s, store)
} else := _backup_selection_selects_phi_tag(s)

_backup_selection_selects_resource(s, store) if {
	not depends_through(s, "notResources", store)
	depends_through(s, "resources", store)
}

_backup_selection_selects_resource(s, store) if {
	not depends_through(s, "notResources", store)
	not depends_through(s, "resources", store)
	not aws_has_value(s.props, "conditions")
	"*" in net_known_strings(s.props, "resources")
}

_backup_selection_selects_phi_tag(s) := {"evs": by_tag.evs, "v": false} if {
	by_tag := _backup_selection_by_tag(s)
	count(by_tag.evs) > 0
} else := {"evs": [], "v": true} if {
	_backup_selection_by_tag(s).v
} else := {"evs": [], "v": false} if {
	not "*" in net_known_strings(s.props, "resources")
} else := _backup_selection_by_condition(s)

# `arrayOf(selectionTags).some(...)`: {"evs", "v"}.
_backup_selection_by_tag(s) := {"evs": tags.evs, "v": false} if {
	tags := net_array_of(rd(s.props, props_at(s), ["selectionTags"]))
	count(tags.evs) > 0
} else := first_hit([_backup_selection_tag_matches(item) | some item in net_array_of(rd(s.props, props_at(s), ["selectionTags"])).items])

_backup_selection_tag_matches(item) := {"evs": item.evs, "v": false} if {
	count(item.evs) > 0
} else := {"evs": type.evs, "v": false} if {
	type := _backup_selection_text(rd_key(item.s, "type"))
	count(type.evs) > 0
} else := {"evs": [], "v": false} if {
	upper(_backup_selection_text(rd_key(item.s, "type")).t) != "STRINGEQUALS"
} else := {"evs": unk(key), "v": false} if {
	key := rd_key(item.s, "key")
	key.k == "unk"
} else := {"evs": [], "v": false} if {
	not is_val(rd_key(item.s, "key"), "data-classification")
} else := {"evs": value.evs, "v": false} if {
	value := _backup_selection_text(rd_key(item.s, "value"))
	count(value.evs) > 0
} else := {"evs": [], "v": lower(_backup_selection_text(rd_key(item.s, "value")).t) == "phi"}

# `String(value)` of a read, with the read's own unknown event.
_backup_selection_text(s) := {"evs": unk(s), "t": ""} if {
	s.k == "unk"
} else := net_str(s)

# conditions.flatMap((c) => arrayOf(c.stringEquals)).some(...): every condition is read first.
_backup_selection_by_condition(s) := {"evs": array.slice(evs, 0, 1), "v": false} if {
	conditions := net_array_of(rd(s.props, props_at(s), ["conditions"]))
	equals := [_backup_selection_string_equals(item) | some item in conditions.items]
	evs := array.concat(conditions.evs, [e | some x in equals; some e in x.evs])
	count(evs) > 0
} else := first_hit([_backup_selection_condition_matches(e) |
	some item in net_array_of(rd(s.props, props_at(s), ["conditions"])).items
	some e in _backup_selection_string_equals(item).items
])

# `arrayOf(c.stringEquals)` flattened: {"evs", "items": [read]}.
_backup_selection_string_equals(item) := {"evs": item.evs, "items": []} if {
	count(item.evs) > 0
} else := {"evs": array.concat(arr.evs, [e | some x in arr.items; some e in x.evs]), "items": [x.s | some x in arr.items]} if {
	arr := net_array_of(rd_key(item.s, "stringEquals"))
}

_backup_selection_condition_matches(e) := {"evs": key.evs, "v": false} if {
	key := _backup_selection_text(rd_key(e, "key"))
	count(key.evs) > 0
} else := {"evs": [], "v": false} if {
	lower(_backup_selection_text(rd_key(e, "key")).t) != "aws:resourcetag/data-classification"
} else := {"evs": value.evs, "v": false} if {
	value := _backup_selection_text(rd_key(e, "value"))
	count(value.evs) > 0
} else := {"evs": [], "v": lower(_backup_selection_text(rd_key(e, "value")).t) == "phi"}

catalog["backup-selection-covers-phi-data-stores"] := _rule("stack_deny_backup_selection_covers_phi_data_stores", {"aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:dynamodb/table:Table", "aws:ebs/volume:Volume", "aws:efs/fileSystem:FileSystem", "aws:ec2/instance:Instance"})

stack_rule_events("backup-selection-covers-phi-data-stores") := net_backup_selection_covers_phi_data_stores
