package phiguard

import rego.v1

# METADATA
# title: k8s-default-service-account-not-used
# description: "The default service account of a namespace must not be used: workloads name a dedicated serviceAccountName, a `default` ServiceAccount object sets automountServiceAccountToken: false, and no RoleBinding or ClusterRoleBinding grants rights to a `default` service account. Otherwise every pod of the namespace shares one identity and its rights."
deny_k8s_default_service_account_not_used contains msg if some msg in analyzer_messages("k8s-default-service-account-not-used")

service_account_type := "kubernetes:core/v1:ServiceAccount"

_sa_binding_types := {
	"kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
	"kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
}

k8s_default_service_account_not_used_types := (workload_types | _sa_binding_types) | {service_account_type}

k8s_default_service_account_not_used(r) := array.concat(unk(name), _k8s_default_sa_object(r, name)) if {
	r.type == service_account_type
	name := rd(r.props, props_at(r), ["metadata", "name"])
} else := array.concat(unk(subjects), [e |
	some item in elements(subjects).all
	some e in array.concat(item_evs(item), _k8s_default_sa_subject(item))
]) if {
	r.type in _sa_binding_types
	subjects := rd(r.props, props_at(r), ["subjects"])
} else := evs if {
	pod := pod_spec(r)
	evs := _k8s_default_sa_pod(pod)
} else := []

_k8s_default_sa_object(r, name) := array.concat(unk(automount), [{"m": "The \"default\" ServiceAccount does not set automountServiceAccountToken: false."} |
	automount.k != "unk"
	not is_val(automount, false)
]) if {
	is_val(name, "default")
	automount := rd(r.props, props_at(r), ["automountServiceAccountToken"])
} else := []

_k8s_default_sa_subject(item) := array.concat(unk(kind), _k8s_default_sa_subject_name(item)) if {
	not item.u
	kind := item_key(item, "kind")
} else := []

_k8s_default_sa_subject_name(item) := array.concat(unk(name), [{"m": concat("", [
	"subjects[", format_int(item.i, 10), "] binds the \"default\" service account",
	_prefixed(" in namespace ", _quoted(text_or(object.get(item.v, "namespace", null), ""))),
	".",
])} |
	is_val(name, "default")
]) if {
	is_val(item_key(item, "kind"), "ServiceAccount")
	name := item_key(item, "name")
} else := []

_k8s_default_sa_pod(pod) := pod.evs if count(pod.evs) > 0

_k8s_default_sa_pod(pod) := array.concat(account.evs, _k8s_default_sa_pod_report(pod, account.s)) if {
	count(pod.evs) == 0
	account := pod_service_account(pod)
}

_k8s_default_sa_pod_report(pod, s) := [{"m": concat("", [pod.path, ".serviceAccountName is not set: the pod runs as the namespace's \"default\" service account."])}] if {
	_account_unset(s)
} else := [{"m": concat("", [pod.path, ".serviceAccountName is \"default\"."])}] if {
	is_val(s, "default")
} else := []

_account_unset(s) if s.k == "none"

_account_unset(s) if is_val(s, "")

catalog["k8s-default-service-account-not-used"] := _rule("deny_k8s_default_service_account_not_used", k8s_default_service_account_not_used_types)

k8s_rule_events("k8s-default-service-account-not-used", r) := k8s_default_service_account_not_used(r)
