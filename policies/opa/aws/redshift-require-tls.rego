package phiguard

import rego.v1

# METADATA
# title: redshift-require-tls
# description: "Redshift clusters refuse unencrypted connections: the cluster's parameter group (clusterParameterGroupName) sets require_ssl = true (the default parameter group does not)."
stack_deny_redshift_require_tls contains msg if some msg in analyzer_stack_messages("redshift-require-tls")

# One attempt per cluster.
aws_redshift_require_tls := units_outcome([_redshift_require_tls_unit(cluster) | some cluster in resources_of_type(aws_redshift_cluster)])

_redshift_require_tls_unit(cluster) := [{"m": "no clusterParameterGroupName is set, so the default parameter group applies and require_ssl is false.", "urn": cluster.urn}] if {
	not aws_has_value(cluster.props, "clusterParameterGroupName")
} else := _redshift_require_tls_groups(cluster, parents_of(cluster, "clusterParameterGroupName", ds_redshift_parameter_group, ["name"]))

_redshift_require_tls_groups(cluster, groups) := [{"m": "the parameter group in clusterParameterGroupName is not defined in this stack, so require_ssl cannot be verified.", "urn": cluster.urn}] if {
	count(groups) == 0
} else := array.concat(hit.evs, [{"m": concat("", ["parameter group '", groups[0].name, "' does not set require_ssl to true."]), "urn": cluster.urn} | count(hit.evs) == 0; not hit.v]) if {
	hit := first_hit([ds_sets_parameter(g, "require_ssl", ["true"]) | some g in groups])
}

catalog["redshift-require-tls"] := _rule("stack_deny_redshift_require_tls", {aws_redshift_cluster})

stack_rule_events("redshift-require-tls") := aws_redshift_require_tls
