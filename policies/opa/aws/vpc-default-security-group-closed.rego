package phiguard

import rego.v1

# METADATA
# title: vpc-default-security-group-closed
# description: "Every VPC's default security group is managed in the stack (aws.ec2.DefaultSecurityGroup) with no ingress and no egress rules."
stack_deny_vpc_default_security_group_closed contains msg if some msg in analyzer_stack_messages("vpc-default-security-group-closed")

# One attempt per VPC and default security group, in the order of the stack's resources.
net_vpc_default_security_group_closed := units_outcome([_vpc_default_sg_closed_unit(r) | some r in resources_of_types({net_vpc_type, net_default_sg_type})])

_vpc_default_sg_closed_unit(r) := array.concat(array.concat(unk(ingress), unk(egress)), [{
	"m": concat("", [
		"the default security group has ", format_int(aws_array_length(ingress), 10), " ingress and ",
		format_int(aws_array_length(egress), 10), " egress rules; expected none.",
	]),
	"urn": r.urn,
} |
	ingress.k != "unk"
	egress.k != "unk"
	aws_array_length(ingress) + aws_array_length(egress) > 0
]) if {
	r.type == net_default_sg_type
	ingress := aws_prop(r, ["ingress"])
	egress := _vpc_default_sg_closed_egress(r, ingress)
} else := [{"m": "the VPC's default security group is not managed in the stack, so it keeps AWS's default rules (all traffic between members, all egress).", "urn": r.urn} |
	count(children_of(r, net_default_sg_type, "vpcId", [])) == 0
]

# egress is read only when ingress was known.
_vpc_default_sg_closed_egress(r, ingress) := {"k": "none"} if {
	ingress.k == "unk"
} else := aws_prop(r, ["egress"])

catalog["vpc-default-security-group-closed"] := _rule("stack_deny_vpc_default_security_group_closed", {"aws:ec2/vpc:Vpc", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"})

stack_rule_events("vpc-default-security-group-closed") := net_vpc_default_security_group_closed
