package phiguard

import rego.v1

# METADATA
# title: k8s-run-as-non-root
# description: "Containers must run as a non-root user: securityContext.runAsNonRoot true on the pod or on every container, never false, and no runAsUser 0."
deny_k8s_run_as_non_root contains msg if some msg in analyzer_messages("k8s-run-as-non-root")

k8s_run_as_non_root(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_run_as_non_root(pod)
} else := []

_k8s_run_as_non_root(pod) := pod.evs if count(pod.evs) > 0

_k8s_run_as_non_root(pod) := array.concat(
	array.concat(
		array.concat(unk(pod_non_root), [{"m": concat("", [pod.path, ".securityContext.runAsNonRoot is false."])} | is_val(pod_non_root, false)]),
		array.concat(unk(pod_user), [{"m": concat("", [pod.path, ".securityContext.runAsUser is 0 (root)."])} | is_val(pod_user, 0)]),
	),
	array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_non_root_container(c, pod_non_root)]),
) if {
	count(pod.evs) == 0
	pod_non_root := pod_rd(pod, ["securityContext", "runAsNonRoot"])
	pod_user := pod_rd(pod, ["securityContext", "runAsUser"])
	cs := all_containers(pod)
}

_k8s_non_root_container(c, pod_non_root) := array.concat(
	array.concat(unk(non_root), _k8s_non_root_report(c, non_root, pod_non_root)),
	array.concat(unk(user), [{"m": concat("", [c.label, " sets securityContext.runAsUser: 0 (root)."])} | is_val(user, 0)]),
) if {
	non_root := c_rd(c, ["securityContext", "runAsNonRoot"])
	user := c_rd(c, ["securityContext", "runAsUser"])
}

_k8s_non_root_report(c, non_root, pod_non_root) := [{"m": concat("", [c.label, " sets securityContext.runAsNonRoot: false."])}] if {
	is_val(non_root, false)
} else := [{"m": concat("", [c.label, " may run as root: runAsNonRoot is set to true neither on it nor on the pod."])}] if {
	non_root.k != "unk"
	not is_val(non_root, true)
	not is_val(pod_non_root, true)
} else := []

catalog["k8s-run-as-non-root"] := _rule("deny_k8s_run_as_non_root", workload_types)

k8s_rule_events("k8s-run-as-non-root", r) := k8s_run_as_non_root(r)
