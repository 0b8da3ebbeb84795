package phiguard

import rego.v1

# METADATA
# title: vpc-flow-log-captures-all-traffic
# description: "Flow logs record all traffic (accepted and rejected), not only one kind."
warn_vpc_flow_log_captures_all_traffic contains msg if some msg in analyzer_messages("vpc-flow-log-captures-all-traffic")

aws_vpc_flow_log_captures_all_traffic(r) := unk(s) if {
	s := aws_prop(r, ["trafficType"])
	s.k != "val"
} else := [] if {
	is_val(aws_prop(r, ["trafficType"]), "ALL")
} else := text.evs if {
	text := net_str(aws_prop(r, ["trafficType"]))
	count(text.evs) > 0
} else := [{"m": concat("", ["trafficType is '", net_str(aws_prop(r, ["trafficType"])).t, "'; expected 'ALL' so both accepted and rejected connections are recorded."])}]

catalog["vpc-flow-log-captures-all-traffic"] := _rule("warn_vpc_flow_log_captures_all_traffic", {"aws:ec2/flowLog:FlowLog"})

resource_rule_events("vpc-flow-log-captures-all-traffic", r) := aws_vpc_flow_log_captures_all_traffic(r)
