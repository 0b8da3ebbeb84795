package phiguard

import rego.v1

# METADATA
# title: k8s-workload-not-in-default-namespace
# description: "Workloads and their Services, Secrets, ConfigMaps, volumes, Ingresses and RBAC objects must live in a dedicated namespace, not `default`: the namespace is the boundary for Pod Security admission, NetworkPolicy, quotas and RBAC."
deny_k8s_workload_not_in_default_namespace contains msg if some msg in analyzer_messages("k8s-workload-not-in-default-namespace")

k8s_workload_not_in_default_namespace_types := workload_types | {
	"kubernetes:core/v1:Service",
	"kubernetes:core/v1:Secret",
	"kubernetes:core/v1:ConfigMap",
	"kubernetes:core/v1:PersistentVolumeClaim",
	"kubernetes:core/v1:ServiceAccount",
	"kubernetes:networking.k8s.io/v1:Ingress",
	"kubernetes:networking.k8s.io/v1beta1:Ingress",
	"kubernetes:extensions/v1beta1:Ingress",
	"kubernetes:rbac.authorization.k8s.io/v1:Role",
	"kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
}

k8s_workload_not_in_default_namespace(r) := evs if {
	r.type == service_account_type
	name := rd(r.props, props_at(r), ["metadata", "name"])
	evs := _k8s_default_ns_service_account(r, name)
} else := _k8s_default_ns(r)

# The namespace's own `default` ServiceAccount is managed there on purpose.
_k8s_default_ns_service_account(r, name) := unk(name) if {
	name.k == "unk"
} else := [] if {
	is_val(name, "default")
} else := _k8s_default_ns(r)

_k8s_default_ns(r) := array.concat(ns.evs, _k8s_default_ns_report(r, ns)) if {
	ns := namespace_of(r)
}

_k8s_default_ns_report(r, ns) := [{"m": _k8s_default_ns_message(r)}] if {
	count(ns.evs) == 0
	ns.v == "default"
} else := []

_k8s_default_ns_message(r) := "metadata.namespace is \"default\"." if {
	is_val(rd(r.props, props_at(r), ["metadata", "namespace"]), "default")
} else := "No namespace is given (metadata.namespace, or the provider's namespace), so it lands in \"default\"."

catalog["k8s-workload-not-in-default-namespace"] := _rule("deny_k8s_workload_not_in_default_namespace", k8s_workload_not_in_default_namespace_types)

k8s_rule_events("k8s-workload-not-in-default-namespace", r) := k8s_workload_not_in_default_namespace(r)
