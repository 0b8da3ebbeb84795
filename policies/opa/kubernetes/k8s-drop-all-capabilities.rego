package phiguard

import rego.v1

# METADATA
# title: k8s-drop-all-capabilities
# description: "Every container must drop ALL Linux capabilities and add back at most NET_BIND_SERVICE; the runtime's default set includes NET_RAW (packet spoofing on the pod network) and others a workload handling ePHI does not need."
deny_k8s_drop_all_capabilities contains msg if some msg in analyzer_messages("k8s-drop-all-capabilities")

k8s_drop_all_capabilities(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_drop_all_capabilities(pod)
} else := []

_k8s_drop_all_capabilities(pod) := pod.evs if count(pod.evs) > 0

_k8s_drop_all_capabilities(pod) := array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_capabilities_of(c)]) if {
	count(pod.evs) == 0
	cs := all_containers(pod)
}

_k8s_capabilities_of(c) := array.concat(
	array.concat(drop.evs, [{"m": concat("", [c.label, " does not drop ALL capabilities (securityContext.capabilities.drop)."])} | not "ALL" in drop.v]),
	array.concat(add.evs, [{"m": concat("", [c.label, " adds capabilities ", concat(", ", added), "; only NET_BIND_SERVICE may be added."])} | count(added) > 0]),
) if {
	drop := strings_of(c_rd(c, ["securityContext", "capabilities", "drop"]))
	add := strings_of(c_rd(c, ["securityContext", "capabilities", "add"]))
	added := without(add.v, {"NET_BIND_SERVICE"})
}

catalog["k8s-drop-all-capabilities"] := _rule("deny_k8s_drop_all_capabilities", workload_types)

k8s_rule_events("k8s-drop-all-capabilities", r) := k8s_drop_all_capabilities(r)
