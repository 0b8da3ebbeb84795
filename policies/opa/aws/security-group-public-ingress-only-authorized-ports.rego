package phiguard

import rego.v1

# METADATA
# title: security-group-public-ingress-only-authorized-ports
# description: "Security group rules open to 0.0.0.0/0 or ::/0 allow only authorized TCP ports (by default 443, and 80 for the redirect to HTTPS)."
deny_security_group_public_ingress_only_authorized_ports contains msg if some msg in analyzer_messages("security-group-public-ingress-only-authorized-ports")

aws_security_group_public_ingress_only_authorized_ports(r) := array.concat(ingress.evs, [{"m": concat("", [
	i.where, " allows ", net_describe_ports(i), " from the internet; only TCP ", net_listing(sort(authorized)), " may be open to it.",
])} |
	count(ingress.evs) == 0
	some i in ingress.list
	net_open_to_world(i)
	not _sg_public_ingress_within_authorized(i, authorized)
]) if {
	ingress := net_security_group_ingress(r)
	authorized := {p | some p in config("security-group-public-ingress-only-authorized-ports", "authorizedTcpPorts", [80, 443])}
}

# TCP, fewer than 1024 ports, each of them authorized (`Array.from({ length: to - from + 1 })`).
_sg_public_ingress_within_authorized(i, authorized) if {
	i.protocol == "tcp"
	i.to - i.from < 1024
	n := floor((i.to - i.from) + 1)
	every k in _sg_public_ingress_offsets(n) {
		(i.from + k) in authorized
	}
}

_sg_public_ingress_offsets(n) := numbers.range(0, n - 1) if {
	n > 0
} else := []

catalog["security-group-public-ingress-only-authorized-ports"] := _rule("deny_security_group_public_ingress_only_authorized_ports", {"aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"})

resource_rule_events("security-group-public-ingress-only-authorized-ports", r) := aws_security_group_public_ingress_only_authorized_ports(r)
