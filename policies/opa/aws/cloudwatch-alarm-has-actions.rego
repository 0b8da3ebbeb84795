package phiguard

import rego.v1

# METADATA
# title: cloudwatch-alarm-has-actions
# description: "CloudWatch alarms notify someone: they have alarm actions and actions are enabled."
warn_cloudwatch_alarm_has_actions contains msg if some msg in analyzer_messages("cloudwatch-alarm-has-actions")

aws_cloudwatch_alarm_has_actions(r) := array.concat(unk(enabled), _cloudwatch_alarm_actions(r, enabled)) if {
	enabled := aws_prop(r, ["actionsEnabled"])
}

_cloudwatch_alarm_actions(r, enabled) := [] if {
	enabled.k == "unk"
} else := [{"m": "actionsEnabled is false."}] if {
	is_val(enabled, false)
} else := array.concat(unk(actions), [{"m": "the alarm has no alarmActions."} | actions.k != "unk"; aws_array_length(actions) == 0]) if {
	actions := aws_prop(r, ["alarmActions"])
}

catalog["cloudwatch-alarm-has-actions"] := _rule("warn_cloudwatch_alarm_has_actions", {"aws:cloudwatch/metricAlarm:MetricAlarm"})

resource_rule_events("cloudwatch-alarm-has-actions", r) := aws_cloudwatch_alarm_has_actions(r)
