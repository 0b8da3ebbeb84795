package phiguard

import rego.v1

# METADATA
# title: emr-cluster-master-no-public-ip
# description: "EMR clusters launch in a private subnet (ec2Attributes.subnetId or subnetIds), so the primary (master) node gets no public IP address: none of the stack's subnets they use assigns public IPs on launch or routes 0.0.0.0/0 to an internet gateway. Subnets given as literal ids of an existing VPC are outside the stack and not checked."
stack_deny_emr_cluster_master_no_public_ip contains msg if some msg in analyzer_stack_messages("emr-cluster-master-no-public-ip")

emr_cluster_master_no_public_ip := units_outcome([_emr_cluster_master_no_public_ip(cluster) | some cluster in resources_of_type(edge_emr_cluster)])

_emr_cluster_master_no_public_ip(cluster) := unk(attributes) if {
	attributes := edge_prop(cluster, ["ec2Attributes"])
	attributes.k == "unk"
} else := [{"m": "ec2Attributes names no subnet, so the cluster launches in a public subnet of the default VPC.", "urn": cluster.urn}] if {
	attributes := value_or(edge_prop(cluster, ["ec2Attributes"]), null)
	not aws_has_value(attributes, "subnetId")
	not aws_has_value(attributes, "subnetIds")
} else := [_emr_cluster_master_no_public_ip_event(cluster, e) |
	some subnet in sources_of(cluster, "ec2Attributes", edge_subnet)
	some e in edge_public_subnet_reason(subnet)
]

_emr_cluster_master_no_public_ip_event(cluster, e) := {"m": concat("", ["the cluster launches in a public subnet: ", e.m, "."]), "urn": cluster.urn} if {
	e.m
} else := e

catalog["emr-cluster-master-no-public-ip"] := _rule("stack_deny_emr_cluster_master_no_public_ip", {edge_emr_cluster})

stack_rule_events("emr-cluster-master-no-public-ip") := emr_cluster_master_no_public_ip
