package phiguard

import rego.v1

# METADATA
# title: k8s-namespace-pod-security-restricted
# description: "Namespaces must carry the label pod-security.kubernetes.io/enforce: restricted, so the API server itself rejects privileged, host-namespace, root or capability-adding pods, including those created outside this program (Helm charts, operators, kubectl)."
deny_k8s_namespace_pod_security_restricted contains msg if some msg in analyzer_messages("k8s-namespace-pod-security-restricted")

_pss_enforce := "pod-security.kubernetes.io/enforce"

k8s_namespace_pod_security_restricted(r) := unk(name) if {
	name := rd(r.props, props_at(r), ["metadata", "name"])
	name.k == "unk"
} else := [] if {
	name := rd(r.props, props_at(r), ["metadata", "name"])
	is_string(name.v)
	exempt := [x | some x in config("k8s-namespace-pod-security-restricted", "exemptNamespaces", ["kube-system", "kube-public", "kube-node-lease"]); is_string(x)]
	name.v in exempt
} else := array.concat(unk(level), _k8s_pss_report(level)) if {
	level := rd(r.props, props_at(r), ["metadata", "labels", _pss_enforce])
}

_k8s_pss_report(level) := [{"m": concat("", ["The namespace has no ", _pss_enforce, " label, so Pod Security admission enforces nothing (privileged)."])}] if {
	level.k == "none"
} else := array.concat(text.evs, [{"m": concat("", [_pss_enforce, " is ", text.t, "; expected \"restricted\"."])}]) if {
	level.k == "val"
	level.v != "restricted"
	text := json_text(level)
} else := []

catalog["k8s-namespace-pod-security-restricted"] := _rule("deny_k8s_namespace_pod_security_restricted", {namespace_type})

k8s_rule_events("k8s-namespace-pod-security-restricted", r) := k8s_namespace_pod_security_restricted(r)
