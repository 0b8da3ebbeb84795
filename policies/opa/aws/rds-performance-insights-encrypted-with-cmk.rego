package phiguard

import rego.v1

# METADATA
# title: rds-performance-insights-encrypted-with-cmk
# description: "Where Performance Insights is enabled (it stores query text, which may contain PHI), its data is encrypted with a customer managed KMS key."
deny_rds_performance_insights_encrypted_with_cmk contains msg if some msg in analyzer_messages("rds-performance-insights-encrypted-with-cmk")

# Only where Performance Insights is enabled (args.notApplicable otherwise).
aws_rds_performance_insights_encrypted_with_cmk(r) := unk(s) if {
	s := aws_prop(r, ["performanceInsightsEnabled"])
	s.k == "unk"
} else := [] if {
	not is_val(aws_prop(r, ["performanceInsightsEnabled"]), true)
} else := [{"m": concat("", ["Performance Insights is enabled but ", problem, "."])} | problem := aws_customer_key_problem(r.props, "performanceInsightsKmsKeyId")]

catalog["rds-performance-insights-encrypted-with-cmk"] := _rule("deny_rds_performance_insights_encrypted_with_cmk", {aws_db_instance, aws_db_cluster, aws_cluster_instance})

resource_rule_events("rds-performance-insights-encrypted-with-cmk", r) := aws_rds_performance_insights_encrypted_with_cmk(r)
