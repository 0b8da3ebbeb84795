# Which namespace a Kubernetes object lands in, as the Kubernetes provider decides it (the Rego twin
# of policies/hipaa/rules/kubernetes/namespace.ts).
package phiguard

import rego.v1

namespace_type := "kubernetes:core/v1:Namespace"

_kubernetes_provider_type := "pulumi:providers:kubernetes"

# `namespaceOf(props, provider)`: {"evs": unknown reads, "v": namespace}: metadata.namespace, else
# the explicit Kubernetes provider's namespace, else "default".
namespace_of(r) := _namespace_of(r, rd(r.props, props_at(r), ["metadata", "namespace"]))

# (metadata.namespace is read once and passed on.)
_namespace_of(r, ns) := {"evs": unk(ns), "v": ""} if {
	ns.k == "unk"
} else := {"evs": [], "v": ns.v} if {
	is_string(ns.v)
	ns.v != ""
} else := _provider_namespace(r)

_provider_namespace(r) := {"evs": unk(ns), "v": ""} if {
	r.provider.type == _kubernetes_provider_type
	ns := rd(r.provider.props, provider_props_at(r), ["namespace"])
	ns.k == "unk"
} else := {"evs": [], "v": ns.v} if {
	r.provider.type == _kubernetes_provider_type
	ns := rd(r.provider.props, provider_props_at(r), ["namespace"])
	is_string(ns.v)
	ns.v != ""
} else := {"evs": [], "v": "default"}

# `namespaceKeyOf(resource)`: {"evs", "v"}: "name:<ns>", or "urn:<Namespace URN>" when the object's
# metadata was computed from exactly one Namespace of the stack whose name is not a literal.
namespace_key_of(r) := namespace_resource_key(namespaces[0]) if {
	namespaces := sources_of(r, "metadata", namespace_type)
	count(namespaces) == 1
} else := {"evs": ns.evs, "v": concat("", ["name:", ns.v])} if {
	ns := namespace_of(r)
}

namespace_resource_key(ns) := {"evs": unk(name), "v": ""} if {
	name := rd(ns.props, props_at(ns), ["metadata", "name"])
	name.k == "unk"
} else := {"evs": [], "v": concat("", ["name:", name.v])} if {
	name := rd(ns.props, props_at(ns), ["metadata", "name"])
	is_string(name.v)
	name.v != ""
} else := {"evs": [], "v": concat("", ["urn:", ns.urn])}

describe_namespace_key(key) := concat("", ["namespace \"", substring(key, 5, -1), "\""]) if {
	startswith(key, "name:")
} else := concat("", ["the namespace created by ", substring(key, 4, -1)])
