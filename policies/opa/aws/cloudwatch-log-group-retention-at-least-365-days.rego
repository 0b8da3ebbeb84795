package phiguard

import rego.v1

# METADATA
# title: cloudwatch-log-group-retention-at-least-365-days
# description: "CloudWatch Logs log groups keep events for at least 365 days (or never expire them)."
deny_cloudwatch_log_group_retention_at_least_365_days contains msg if some msg in analyzer_messages("cloudwatch-log-group-retention-at-least-365-days")

aws_cloudwatch_log_group_retention_at_least_365_days(r) := array.concat(unk(days), [{"m": concat("", ["retentionInDays is ", js_string(days.v), "; expected at least 365."])} | days.k == "val"; days.v != 0; js_less(days, 365)]) if {
	days := aws_prop(r, ["retentionInDays"])
}

catalog["cloudwatch-log-group-retention-at-least-365-days"] := _rule("deny_cloudwatch_log_group_retention_at_least_365_days", {"aws:cloudwatch/logGroup:LogGroup"})

resource_rule_events("cloudwatch-log-group-retention-at-least-365-days", r) := aws_cloudwatch_log_group_retention_at_least_365_days(r)
