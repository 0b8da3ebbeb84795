package phiguard

import rego.v1

# METADATA
# title: elasticache-in-vpc-subnet-group
# description: "ElastiCache replication groups and standalone cache clusters name a subnet group (subnetGroupName), so they run in the workload's private subnets rather than the default VPC's."
deny_elasticache_in_vpc_subnet_group contains msg if some msg in analyzer_messages("elasticache-in-vpc-subnet-group")

# A cache cluster of a replication group is not checked (args.notApplicable).
aws_elasticache_in_vpc_subnet_group(r) := [] if {
	r.type == ds_cache_cluster
	aws_has_value(r.props, "replicationGroupId")
} else := aws_unless_has_value(r, [], "subnetGroupName", "no subnetGroupName is set, so the cache lands in the default subnet group of the default VPC.")

catalog["elasticache-in-vpc-subnet-group"] := _rule("deny_elasticache_in_vpc_subnet_group", {ds_replication_group, ds_cache_cluster})

resource_rule_events("elasticache-in-vpc-subnet-group", r) := aws_elasticache_in_vpc_subnet_group(r)
