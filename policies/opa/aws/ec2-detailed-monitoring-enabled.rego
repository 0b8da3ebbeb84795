package phiguard

import rego.v1

# METADATA
# title: ec2-detailed-monitoring-enabled
# description: "EC2 instances and launch templates enable detailed (1-minute) CloudWatch monitoring."
warn_ec2_detailed_monitoring_enabled contains msg if some msg in analyzer_messages("ec2-detailed-monitoring-enabled")

aws_ec2_detailed_monitoring_enabled(r) := _ec2_detailed_monitoring_instance(r, aws_prop(r, ["monitoring"])) if {
	r.type == net_instance_type
} else := aws_unless_true(r, ["monitoring", "enabled"], concat("", ["the ", net_launch_kind(r.type), " does not set monitoring.enabled: true."]))

# An instance with a launch template and no monitoring takes it from the template (notApplicable).
_ec2_detailed_monitoring_instance(r, s) := unk(s) if {
	s.k == "unk"
} else := [] if {
	aws_has_value(r.props, "launchTemplate")
	s.k == "none"
} else := [{"m": "monitoring is not true."} | not is_val(s, true)]

catalog["ec2-detailed-monitoring-enabled"] := _rule("warn_ec2_detailed_monitoring_enabled", {"aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate"})

resource_rule_events("ec2-detailed-monitoring-enabled", r) := aws_ec2_detailed_monitoring_enabled(r)
