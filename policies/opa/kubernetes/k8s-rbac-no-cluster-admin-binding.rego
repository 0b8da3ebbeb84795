package phiguard

import rego.v1

# METADATA
# title: k8s-rbac-no-cluster-admin-binding
# description: "RoleBindings and ClusterRoleBindings must not grant the cluster-admin ClusterRole: it is unrestricted access to every namespace, Secret and RBAC object; cluster administration goes through EKS access entries of named IAM principals instead."
deny_k8s_rbac_no_cluster_admin_binding contains msg if some msg in analyzer_messages("k8s-rbac-no-cluster-admin-binding")

k8s_rbac_no_cluster_admin_binding(r) := unk(ref) if {
	ref := rd(r.props, props_at(r), ["roleRef"])
	ref.k == "unk"
} else := unk(kind) if {
	kind := rd(r.props, props_at(r), ["roleRef", "kind"])
	kind.k == "unk"
} else := array.concat(unk(name), [{"m": concat("", [type_kind(r.type), " grants cluster-admin", _prefixed(" to ", _binding_subjects(r)), "."])} |
	is_val(name, "cluster-admin")
]) if {
	is_val(rd(r.props, props_at(r), ["roleRef", "kind"]), "ClusterRole")
	name := rd(r.props, props_at(r), ["roleRef", "name"])
} else := []

# `textOf(() => subjects as "Kind name, ...")`: "" when any value on the way is unknown.
_binding_subjects(r) := "" if {
	subjects := rd(r.props, props_at(r), ["subjects"])
	_any_unknown_subject(subjects)
} else := concat(", ", [concat(" ", [js_string_read(rd_key(item_read(item), "kind")), js_string_read(rd_key(item_read(item), "name"))]) |
	some item in elements(rd(r.props, props_at(r), ["subjects"])).items
	is_object(item.v)
])

_any_unknown_subject(subjects) if subjects.k == "unk"

_any_unknown_subject(subjects) if count(elements(subjects).evs) > 0

_any_unknown_subject(subjects) if {
	some item in elements(subjects).items
	is_object(item.v)
	some key in ["kind", "name"]
	rd_key(item_read(item), key).k == "unk"
}

catalog["k8s-rbac-no-cluster-admin-binding"] := _rule("deny_k8s_rbac_no_cluster_admin_binding", binding_types)

k8s_rule_events("k8s-rbac-no-cluster-admin-binding", r) := k8s_rbac_no_cluster_admin_binding(r)
