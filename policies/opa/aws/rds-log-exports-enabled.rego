package phiguard

import rego.v1

# METADATA
# title: rds-log-exports-enabled
# description: "RDS DB instances and clusters export their database logs to CloudWatch Logs."
deny_rds_log_exports_enabled contains msg if some msg in analyzer_messages("rds-log-exports-enabled")

aws_rds_log_exports_enabled(r) := array.concat(unk(s), [{"m": concat("", ["the ", aws_db_kind(r.type), " exports no logs (enabledCloudwatchLogsExports is empty)."])} | s.k != "unk"; aws_array_length(s) == 0]) if {
	s := aws_prop(r, ["enabledCloudwatchLogsExports"])
}

catalog["rds-log-exports-enabled"] := _rule("deny_rds_log_exports_enabled", {aws_db_instance, aws_db_cluster})

resource_rule_events("rds-log-exports-enabled", r) := aws_rds_log_exports_enabled(r)
