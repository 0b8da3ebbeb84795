package phiguard

import rego.v1

# METADATA
# title: opensearch-domain-in-vpc
# description: "OpenSearch (and Elasticsearch) domains run inside a VPC (vpcOptions.subnetIds), not on a public endpoint."
deny_opensearch_domain_in_vpc contains msg if some msg in analyzer_messages("opensearch-domain-in-vpc")

aws_opensearch_domain_in_vpc(r) := array.concat(unk(s), [{"m": "the domain has no vpcOptions.subnetIds, so its endpoint is public."} | s.k != "unk"; aws_array_length(s) == 0]) if {
	s := aws_prop(r, ["vpcOptions", "subnetIds"])
}

catalog["opensearch-domain-in-vpc"] := _rule("deny_opensearch_domain_in_vpc", aws_domain_types)

resource_rule_events("opensearch-domain-in-vpc", r) := aws_opensearch_domain_in_vpc(r)
