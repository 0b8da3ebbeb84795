package phiguard

import rego.v1

# METADATA
# title: cloudtrail-cloudwatch-logs-enabled
# description: "CloudTrail trails also deliver events to CloudWatch Logs, where metric filters and alarms can act on them."
deny_cloudtrail_cloudwatch_logs_enabled contains msg if some msg in analyzer_messages("cloudtrail-cloudwatch-logs-enabled")

aws_cloudtrail_cloudwatch_logs_enabled(r) := _cloudtrail_cloudwatch_logs(r)

_cloudtrail_cloudwatch_logs(r) := [{"m": "no cloudWatchLogsGroupArn is set."}] if {
	not aws_has_value(r.props, "cloudWatchLogsGroupArn")
} else := [{"m": "cloudWatchLogsGroupArn is set but no cloudWatchLogsRoleArn, so CloudTrail cannot deliver."}] if {
	not aws_has_value(r.props, "cloudWatchLogsRoleArn")
} else := []

catalog["cloudtrail-cloudwatch-logs-enabled"] := _rule("deny_cloudtrail_cloudwatch_logs_enabled", {"aws:cloudtrail/trail:Trail"})

resource_rule_events("cloudtrail-cloudwatch-logs-enabled", r) := aws_cloudtrail_cloudwatch_logs_enabled(r)
