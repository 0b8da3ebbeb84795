package phiguard

import rego.v1

# METADATA
# title: ec2-no-public-ip
# description: "EC2 instances, launch templates and launch configurations do not associate a public IP address."
deny_ec2_no_public_ip contains msg if some msg in analyzer_messages("ec2-no-public-ip")

# A launch template: each network interface is read and reported in turn.
aws_ec2_no_public_ip(r) := array.concat(arr.evs, [e |
	some item in arr.items
	some e in _ec2_no_public_ip_interface(item)
]) if {
	r.type == net_launch_template_type
	arr := net_array_of(aws_prop(r, ["networkInterfaces"]))
} else := array.concat(unk(s), [{"m": concat("", ["the ", net_launch_kind(r.type), " associates a public IP address."])} | net_is_true(s)]) if {
	s := aws_prop(r, ["associatePublicIpAddress"])
}

_ec2_no_public_ip_interface(item) := array.concat(array.concat(item.evs, unk(s)), [{"m": concat("", ["networkInterfaces[", format_int(item.i, 10), "] associates a public IP address."])} |
	count(item.evs) == 0
	net_is_true(s)
]) if {
	s := rd_key(item.s, "associatePublicIpAddress")
}

catalog["ec2-no-public-ip"] := _rule("deny_ec2_no_public_ip", {"aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/launchConfiguration:LaunchConfiguration"})

resource_rule_events("ec2-no-public-ip", r) := aws_ec2_no_public_ip(r)
