package phiguard

import rego.v1

# METADATA
# title: redshift-enhanced-vpc-routing-enabled
# description: "Redshift clusters use enhanced VPC routing (enhancedVpcRouting), so COPY and UNLOAD traffic goes through the VPC (its endpoints, security groups and flow logs) instead of the internet."
deny_redshift_enhanced_vpc_routing_enabled contains msg if some msg in analyzer_messages("redshift-enhanced-vpc-routing-enabled")

aws_redshift_enhanced_vpc_routing_enabled(r) := aws_unless_true(r, ["enhancedVpcRouting"], "enhancedVpcRouting is not true.")

catalog["redshift-enhanced-vpc-routing-enabled"] := _rule("deny_redshift_enhanced_vpc_routing_enabled", {aws_redshift_cluster})

resource_rule_events("redshift-enhanced-vpc-routing-enabled", r) := aws_redshift_enhanced_vpc_routing_enabled(r)
