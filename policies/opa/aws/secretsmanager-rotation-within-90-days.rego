package phiguard

import rego.v1

# METADATA
# title: secretsmanager-rotation-within-90-days
# description: "Secrets Manager rotation schedules rotate at least every 90 days (rotationRules.automaticallyAfterDays, or a rate() or monthly cron() scheduleExpression)."
warn_secretsmanager_rotation_within_90_days contains msg if some msg in analyzer_messages("secretsmanager-rotation-within-90-days")

aws_secretsmanager_rotation_within_90_days(r) := unk(days) if {
	days := aws_prop(r, ["rotationRules", "automaticallyAfterDays"])
	days.k == "unk"
} else := _rotation_within_90_days_after(aws_prop(r, ["rotationRules", "automaticallyAfterDays"])) if {
	aws_prop(r, ["rotationRules", "automaticallyAfterDays"]).k == "val"
} else := unk(expression) if {
	expression := aws_prop(r, ["rotationRules", "scheduleExpression"])
	expression.k == "unk"
} else := [{"m": "rotationRules sets neither automaticallyAfterDays nor scheduleExpression."}] if {
	aws_prop(r, ["rotationRules", "scheduleExpression"]).k == "none"
} else := _rotation_within_90_days_expression(aws_prop(r, ["rotationRules", "scheduleExpression"]).v)

# `automaticallyAfterDays > 90`.
_rotation_within_90_days_after(days) := text.evs if {
	text := net_str(days)
	count(text.evs) > 0
} else := [{"m": concat("", ["automaticallyAfterDays is ", net_str(days).t, "; expected at most 90."])} | net_js_number(days.v) > 90]

# A scheduleExpression that is not a string makes the TypeScript rule throw (no finding here).
_rotation_within_90_days_expression(expression) := [{"m": concat("", ["scheduleExpression '", expression, "' rotates every ", _rotation_within_90_days_text(n, d), " days; expected at most 90."])} |
	n * 1 > 90 * d
] if {
	is_string(expression)
	m := regex.find_all_string_submatch_n(`^(?i)rate\(([0-9]+)\s+(hour|hours|day|days)\)$`, trim_space(expression), 1)[0]
	n := to_number(m[1])
	d := _rotation_within_90_days_unit(lower(m[2]))
} else := [{"m": concat("", ["scheduleExpression '", expression, "' does not run at least monthly; expected a cron() with month '*' or a rate() of at most 90 days."])} |
	not _rotation_within_90_days_monthly(expression)
] if {
	is_string(expression)
}

_rotation_within_90_days_text(n, 24) := net_div24_text(n)

_rotation_within_90_days_text(n, 1) := format_int(n, 10)

_rotation_within_90_days_unit(unit) := 24 if {
	startswith(unit, "hour")
} else := 1

_rotation_within_90_days_monthly(expression) if {
	fields := net_cron_fields(expression)
	count(fields) == 6
	fields[3] == "*"
}

catalog["secretsmanager-rotation-within-90-days"] := _rule("warn_secretsmanager_rotation_within_90_days", {"aws:secretsmanager/secretRotation:SecretRotation"})

resource_rule_events("secretsmanager-rotation-within-90-days", r) := aws_secretsmanager_rotation_within_90_days(r)
