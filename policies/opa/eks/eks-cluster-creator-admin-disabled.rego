package phiguard

import rego.v1

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
