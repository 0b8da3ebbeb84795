package phiguard

import rego.v1

# METADATA
# title: eks-cluster-log-group-encrypted-retained
# description: "Each EKS cluster's control-plane log group (/aws/eks/<cluster>/cluster) must be created by the program, encrypted with a KMS key (kmsKeyId) and kept at least minimumRetentionDays; otherwise EKS creates it without KMS encryption. The log group is joined to its cluster by its literal name or because its name is computed from the cluster."
stack_deny_eks_cluster_log_group_encrypted_retained contains msg if some msg in analyzer_stack_messages("eks-cluster-log-group-encrypted-retained")

# Per cluster, one check of its log groups, then one per log group of it (each in its own
# DeferredErrors.attempt, as in TypeScript).
eks_cluster_log_group_encrypted_retained := units_outcome([unit |
	some cluster in resources_of_type(eks_cluster_type)
	some unit in _eks_log_group_units(cluster)
])

_eks_log_group_units(cluster) := [evs] if {
	evs := first_evs([_eks_is_cluster_log_group(lg, cluster) | some lg in resources_of_type(log_group_type)])
	count(evs) > 0
} else := [_eks_no_log_group(cluster)] if {
	count(_eks_own_log_groups(cluster)) == 0
} else := [_eks_log_group_checks(cluster, lg) | some lg in _eks_own_log_groups(cluster)]

_eks_own_log_groups(cluster) := [lg |
	some lg in resources_of_type(log_group_type)
	_eks_is_cluster_log_group(lg, cluster).v
]

# `isClusterLogGroup(logGroup, cluster)`: {"evs", "v"}.
_eks_is_cluster_log_group(lg, cluster) := {"evs": [], "v": true} if {
	depends_through(lg, "name", cluster)
} else := {"evs": [], "v": false} if {
	not is_literal(lg, "name")
} else := {"evs": unk(name), "v": false} if {
	name := rd(lg.props, props_at(lg), ["name"])
	name.k == "unk"
} else := {"evs": cluster_name.evs, "v": false} if {
	cluster_name := literal_cluster_name(cluster)
	count(cluster_name.evs) > 0
} else := {"evs": [], "v": _eks_log_group_name_matches(rd(lg.props, props_at(lg), ["name"]), literal_cluster_name(cluster).v)}

_eks_log_group_name_matches(name, cluster_name) if {
	cluster_name != ""
	is_val(name, concat("", ["/aws/eks/", cluster_name, "/cluster"]))
} else := false

_eks_no_log_group(cluster) := name.evs if {
	name := literal_cluster_name(cluster)
	count(name.evs) > 0
} else := [{"m": concat("", [describe_cluster(cluster).v, " has no aws.cloudwatch.LogGroup \"/aws/eks/", name.v, "/cluster\" in this program: EKS creates it without KMS encryption and with no retention set."]), "urn": cluster.urn}] if {
	name := literal_cluster_name(cluster)
	name.v != ""
} else := [{"m": concat("", [describe_cluster(cluster).v, " is auto-named and no log group's name is computed from it: EKS creates /aws/eks/<name>/cluster without KMS encryption."]), "urn": cluster.urn}]

_eks_log_group_checks(cluster, lg) := array.concat(
	[e | not has_value(lg.props, "kmsKeyId"); some e in _eks_described(cluster, "The control-plane log group of ", " has no kmsKeyId.", lg.urn)],
	array.concat(unk(days), [e |
		days.k == "val"
		is_number(days.v)
		days.v > 0
		days.v < minimum
		some e in _eks_described(cluster, "The control-plane log group of ", concat("", [" keeps logs ", num_text(days.v), " days; expected at least ", js_string(minimum), "."]), lg.urn)
	]),
) if {
	days := rd(lg.props, props_at(lg), ["retentionInDays"])
	minimum := config("eks-cluster-log-group-encrypted-retained", "minimumRetentionDays", 365)
}

# A violation whose message names the cluster (reading its name, which may be unknown).
_eks_described(cluster, before, after, urn) := d.evs if {
	d := describe_cluster(cluster)
	count(d.evs) > 0
} else := [{"m": concat("", [before, describe_cluster(cluster).v, after]), "urn": urn}]

catalog["eks-cluster-log-group-encrypted-retained"] := _rule("stack_deny_eks_cluster_log_group_encrypted_retained", {eks_cluster_type})

stack_rule_events("eks-cluster-log-group-encrypted-retained") := eks_cluster_log_group_encrypted_retained
