package phiguard

import rego.v1

# METADATA
# title: backup-plan-copies-to-another-region
# description: "Every rule of an AWS Backup plan copies its recovery points to a vault in another Region (copyActions), so backups survive the loss of a Region."
deny_backup_plan_copies_to_another_region contains msg if some msg in analyzer_messages("backup-plan-copies-to-another-region")

# Each rule of the plan is read and reported in turn.
aws_backup_plan_copies_to_another_region(r) := array.concat(arr.evs, [e |
	some item in arr.items
	some e in _backup_plan_copies_rule(item)
]) if {
	arr := net_array_of(aws_prop(r, ["rules"]))
}

_backup_plan_copies_rule(item) := item.evs if {
	count(item.evs) > 0
} else := evs if {
	copies := _backup_plan_copies(rd_key(item.s, "copyActions"))
	evs := copies.evs
	count(evs) > 0
} else := [] if {
	_backup_plan_copies(rd_key(item.s, "copyActions")).n > 0
} else := array.concat(name.evs, [{"m": concat("", ["rule '", name.t, "' has no copyActions to another Region."])}]) if {
	name := _backup_plan_copies_name(item)
}

# `arrayOf(rule.copyActions).filter((c) => hasValue(c, "destinationVaultArn"))`: {"evs", "n"}.
_backup_plan_copies(s) := {"evs": array.slice(array.concat(arr.evs, [e | some item in arr.items; some e in item.evs]), 0, 1), "n": count([item | some item in arr.items; aws_has_value(item.s.v, "destinationVaultArn")])} if {
	arr := net_array_of(s)
}

# `${rule.ruleName ?? i}`: {"evs", "t"}.
_backup_plan_copies_name(item) := {"evs": unk(s), "t": ""} if {
	s := rd_key(item.s, "ruleName")
	s.k == "unk"
} else := net_str_or(rd_key(item.s, "ruleName"), format_int(item.i, 10))

catalog["backup-plan-copies-to-another-region"] := _rule("deny_backup_plan_copies_to_another_region", {"aws:backup/plan:Plan"})

resource_rule_events("backup-plan-copies-to-another-region", r) := aws_backup_plan_copies_to_another_region(r)
