package phiguard

import rego.v1

# METADATA
# title: ec2-instance-in-explicit-subnet
# description: "EC2 instances are launched into a chosen VPC subnet (subnetId, a network interface or a launch template). Without one they land in the default VPC, whose subnets give every instance a public IP."
deny_ec2_instance_in_explicit_subnet contains msg if some msg in analyzer_messages("ec2-instance-in-explicit-subnet")

aws_ec2_instance_in_explicit_subnet(r) := [] if {
	aws_has_value(r.props, "subnetId")
} else := [] if {
	aws_has_value(r.props, "launchTemplate")
} else := array.concat(unk(s), [{"m": "the instance names no subnet, so it is launched into the default VPC."} |
	s.k != "unk"
	aws_array_length(s) == 0
]) if {
	s := aws_prop(r, ["networkInterfaces"])
}

catalog["ec2-instance-in-explicit-subnet"] := _rule("deny_ec2_instance_in_explicit_subnet", {"aws:ec2/instance:Instance"})

resource_rule_events("ec2-instance-in-explicit-subnet", r) := aws_ec2_instance_in_explicit_subnet(r)
