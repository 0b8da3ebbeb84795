package phiguard

import rego.v1

# METADATA
# title: backup-plan-daily-with-35-day-retention
# description: "Every rule of an AWS Backup plan runs at least daily (or continuously) and keeps recovery points for at least 35 days."
deny_backup_plan_daily_with_35_day_retention contains msg if some msg in analyzer_messages("backup-plan-daily-with-35-day-retention")

# Each rule of the plan is read and reported in turn.
aws_backup_plan_daily_with_35_day_retention(r) := array.concat(arr.evs, [e |
	some item in arr.items
	some e in _backup_plan_daily_rule(item)
]) if {
	arr := net_array_of(aws_prop(r, ["rules"]))
}

_backup_plan_daily_rule(item) := item.evs if {
	count(item.evs) > 0
} else := array.concat(name.evs, array.concat(_backup_plan_daily_schedule(item, name.t), _backup_plan_daily_retention(item, name.t))) if {
	name := _backup_plan_daily_name(item)
}

# `rule '${rule.ruleName ?? i}'`: {"evs", "t"}.
_backup_plan_daily_name(item) := {"evs": unk(s), "t": ""} if {
	s := rd_key(item.s, "ruleName")
	s.k == "unk"
} else := {"evs": text.evs, "t": concat("", ["rule '", text.t, "'"])} if {
	text := net_str_or(rd_key(item.s, "ruleName"), format_int(item.i, 10))
}

_backup_plan_daily_schedule(item, name) := unk(continuous) if {
	continuous := rd_key(item.s, "enableContinuousBackup")
	continuous.k == "unk"
} else := [] if {
	is_val(rd_key(item.s, "enableContinuousBackup"), true)
} else := unk(schedule) if {
	schedule := rd_key(item.s, "schedule")
	schedule.k != "val"
} else := text.evs if {
	text := net_str(rd_key(item.s, "schedule"))
	count(text.evs) > 0
} else := [] if {
	net_schedule_interval_hours(net_str(rd_key(item.s, "schedule")).t) <= 24
} else := [{"m": concat("", [name, " has schedule '", net_str(rd_key(item.s, "schedule")).t, "', which does not run at least daily."])}]

_backup_plan_daily_retention(item, name) := array.concat(unk(days), text.evs) if {
	days := rd_key(rd_key(item.s, "lifecycle"), "deleteAfter")
	text := net_str(days)
	count(array.concat(unk(days), text.evs)) > 0
} else := [{"m": concat("", [name, " deletes recovery points after ", net_str(days).t, " days; expected at least 35."])} |
	days.k == "val"
	net_js_number(days.v) < 35
] if {
	days := rd_key(rd_key(item.s, "lifecycle"), "deleteAfter")
}

catalog["backup-plan-daily-with-35-day-retention"] := _rule("deny_backup_plan_daily_with_35_day_retention", {"aws:backup/plan:Plan"})

resource_rule_events("backup-plan-daily-with-35-day-retention", r) := aws_backup_plan_daily_with_35_day_retention(r)
