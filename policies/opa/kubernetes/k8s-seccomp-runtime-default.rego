package phiguard

import rego.v1

# METADATA
# title: k8s-seccomp-runtime-default
# description: "Pods must run under a seccomp profile, RuntimeDefault or Localhost, set on the pod or on every container, and never Unconfined: without one every system call of the kernel is reachable from the container."
deny_k8s_seccomp_runtime_default contains msg if some msg in analyzer_messages("k8s-seccomp-runtime-default")

k8s_seccomp_runtime_default(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_seccomp_runtime_default(pod)
} else := []

_seccomp_allowed := {"RuntimeDefault", "Localhost"}

_k8s_seccomp_runtime_default(pod) := pod.evs if count(pod.evs) > 0

_k8s_seccomp_runtime_default(pod) := array.concat(
	array.concat(unk(pod_type), _k8s_seccomp_pod_report(pod, pod_type)),
	array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_seccomp_container(c, _seccomp_ok_flag(pod_type))]),
) if {
	count(pod.evs) == 0
	pod_type := pod_rd(pod, ["securityContext", "seccompProfile", "type"])
	cs := all_containers(pod)
}

_seccomp_ok(s) if {
	s.k == "val"
	is_string(s.v)
	s.v in _seccomp_allowed
}

_seccomp_ok_flag(s) if {
	_seccomp_ok(s)
} else := false

_k8s_seccomp_pod_report(pod, pod_type) := array.concat(text.evs, [{"m": concat("", [pod.path, ".securityContext.seccompProfile.type is ", text.t, "; expected RuntimeDefault or Localhost."])}]) if {
	pod_type.k == "val"
	not _seccomp_ok(pod_type)
	text := json_text(pod_type)
} else := []

_k8s_seccomp_container(c, pod_ok) := array.concat(unk(type), _k8s_seccomp_container_report(c, type, pod_ok)) if {
	type := c_rd(c, ["securityContext", "seccompProfile", "type"])
}

_k8s_seccomp_container_report(c, type, pod_ok) := [{"m": concat("", [c.label, " has no seccomp profile: set seccompProfile.type RuntimeDefault on it or on the pod."])}] if {
	type.k == "none"
	not pod_ok
} else := array.concat(text.evs, [{"m": concat("", [c.label, " sets seccompProfile.type ", text.t, "; expected RuntimeDefault or Localhost."])}]) if {
	type.k == "val"
	not _seccomp_ok(type)
	text := json_text(type)
} else := []

catalog["k8s-seccomp-runtime-default"] := _rule("deny_k8s_seccomp_runtime_default", workload_types)

k8s_rule_events("k8s-seccomp-runtime-default", r) := k8s_seccomp_runtime_default(r)
