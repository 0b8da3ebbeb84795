package phiguard

import rego.v1

# METADATA
# title: rds-enhanced-monitoring-enabled
# description: "RDS DB instances and cluster instances have Enhanced Monitoring (monitoringInterval greater than 0)."
warn_rds_enhanced_monitoring_enabled contains msg if some msg in analyzer_messages("rds-enhanced-monitoring-enabled")

aws_rds_enhanced_monitoring_enabled(r) := array.concat(unk(interval), [{"m": concat("", ["the ", aws_db_kind(r.type), " does not enable Enhanced Monitoring (monitoringInterval is ", js_string_or(interval, "unset"), ")."])} | interval.k != "unk"; _rds_no_monitoring(interval)]) if {
	interval := aws_prop(r, ["monitoringInterval"])
}

_rds_no_monitoring(interval) if interval.k == "none"

_rds_no_monitoring(interval) if js_less_or_equal(interval, 0)

catalog["rds-enhanced-monitoring-enabled"] := _rule("warn_rds_enhanced_monitoring_enabled", {aws_db_instance, aws_cluster_instance})

resource_rule_events("rds-enhanced-monitoring-enabled", r) := aws_rds_enhanced_monitoring_enabled(r)
