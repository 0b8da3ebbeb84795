package phiguard

import rego.v1

# METADATA
# title: elb-access-logs-enabled
# description: "Load balancers write access logs to S3 (accessLogs enabled, with a bucket)."
deny_elb_access_logs_enabled contains msg if some msg in analyzer_messages("elb-access-logs-enabled")

# Not applicable to a gateway load balancer; the classic ELB enables logs unless told otherwise.
elb_access_logs_enabled(r) := unk(type) if {
	r.type != edge_classic_lb
	type := edge_prop(r, ["loadBalancerType"])
	type.k == "unk"
} else := [] if {
	r.type != edge_classic_lb
	edge_lb_type_is(edge_prop(r, ["loadBalancerType"]), "gateway")
} else := unk(logs) if {
	logs := edge_prop(r, ["accessLogs"])
	logs.k == "unk"
} else := [{"m": "no accessLogs bucket is configured."}] if {
	not aws_has_value(value_or(edge_prop(r, ["accessLogs"]), null), "bucket")
} else := array.concat(unk(enabled), [{"m": "accessLogs is configured but not enabled."} | enabled.k != "unk"; not _elb_access_logs_enabled(r, enabled)]) if {
	enabled := edge_prop(r, ["accessLogs", "enabled"])
}

_elb_access_logs_enabled(r, enabled) if {
	r.type == edge_classic_lb
	not is_val(enabled, false)
}

_elb_access_logs_enabled(r, enabled) if {
	r.type != edge_classic_lb
	is_val(enabled, true)
}

catalog["elb-access-logs-enabled"] := _rule("deny_elb_access_logs_enabled", aws_v2_load_balancers | {edge_classic_lb})

resource_rule_events("elb-access-logs-enabled", r) := elb_access_logs_enabled(r)
