package phiguard

import rego.v1

# METADATA
# title: redshift-cluster-not-public
# description: "Redshift clusters are not publicly accessible (publiclyAccessible is not true)."
deny_redshift_cluster_not_public contains msg if some msg in analyzer_messages("redshift-cluster-not-public")

aws_redshift_cluster_not_public(r) := aws_when_equal(r, ["publiclyAccessible"], true, "publiclyAccessible is true.")

catalog["redshift-cluster-not-public"] := _rule("deny_redshift_cluster_not_public", {aws_redshift_cluster})

resource_rule_events("redshift-cluster-not-public", r) := aws_redshift_cluster_not_public(r)
