package phiguard

import rego.v1

# METADATA
# title: vpc-endpoints-for-s3-and-kms
# description: "Every VPC has VPC endpoints for the services PHI flows through (by default S3 and KMS), so that traffic stays on the AWS network instead of crossing a NAT gateway to public endpoints."
stack_warn_vpc_endpoints_for_s3_and_kms contains msg if some msg in analyzer_stack_messages("vpc-endpoints-for-s3-and-kms")

# One attempt per VPC: every endpoint's serviceName is read, then the missing services reported.
net_vpc_endpoints_for_s3_and_kms := units_outcome([_vpc_endpoints_unit(vpc, services) |
	services := config("vpc-endpoints-for-s3-and-kms", "services", ["s3", "kms"])
	some vpc in resources_of_type(net_vpc_type)
])

_vpc_endpoints_unit(vpc, services) := evs if {
	evs := first_evs(_vpc_endpoint_names(vpc))
	count(evs) > 0
} else := [{"m": concat("", ["no VPC endpoint for ", net_listing(missing), "."]), "urn": vpc.urn} |
	names := [n.t | some n in _vpc_endpoint_names(vpc)]
	missing := [svc | some svc in services; not _vpc_endpoint_for(names, svc)]
	count(missing) > 0
]

_vpc_endpoint_names(vpc) := [net_str_or(rd(e.props, props_at(e), ["serviceName"]), "") |
	some e in children_of(vpc, "aws:ec2/vpcEndpoint:VpcEndpoint", "vpcId", [])
]

_vpc_endpoint_for(names, svc) if {
	some n in names
	endswith(n, concat("", [".", js_string(svc)]))
}

catalog["vpc-endpoints-for-s3-and-kms"] := _rule("stack_warn_vpc_endpoints_for_s3_and_kms", {"aws:ec2/vpc:Vpc"})

stack_rule_events("vpc-endpoints-for-s3-and-kms") := net_vpc_endpoints_for_s3_and_kms
