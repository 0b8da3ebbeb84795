package phiguard

import rego.v1

# METADATA
# title: eks-cluster-creator-admin-disabled
# description: "EKS clusters should not give the identity that created them (often a CI role) implicit, permanent cluster-admin (accessConfig.bootstrapClusterCreatorAdminPermissions defaults to true); administrators should be named access entries that can be reviewed and revoked."
warn_eks_cluster_creator_admin_disabled contains msg if some msg in analyzer_messages("eks-cluster-creator-admin-disabled")

eks_cluster_creator_admin_disabled(r) := array.concat(unk(value), _eks_creator_admin_report(value)) if {
	value := rd(r.props, props_at(r), ["accessConfig", "bootstrapClusterCreatorAdminPermissions"])
}

_eks_creator_admin_report(value) := [] if {
	value.k == "unk"
} else := [] if {
	is_val(value, false)
} else := [{"m": "accessConfig.bootstrapClusterCreatorAdminPermissions is true: the creating identity is a permanent cluster admin."}] if {
	is_val(value, true)
} else := [{"m": "accessConfig.bootstrapClusterCreatorAdminPermissions is not set (defaults to true): the creating identity is a permanent cluster admin."}]

catalog["eks-cluster-creator-admin-disabled"] := _rule("warn_eks_cluster_creator_admin_disabled", {eks_cluster_type})

resource_rule_events("eks-cluster-creator-admin-disabled", r) := eks_cluster_creator_admin_disabled(r)
