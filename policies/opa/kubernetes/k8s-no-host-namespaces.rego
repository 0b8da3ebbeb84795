package phiguard

import rego.v1

# METADATA
# title: k8s-no-host-namespaces
# description: "Pods must not share the node's PID, IPC or network namespace (hostPID, hostIPC, hostNetwork): each one lets a container see or reach what other pods on the node handle."
deny_k8s_no_host_namespaces contains msg if some msg in analyzer_messages("k8s-no-host-namespaces")

k8s_no_host_namespaces(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_no_host_namespaces(pod)
} else := []

_k8s_no_host_namespaces(pod) := pod.evs if count(pod.evs) > 0

_k8s_no_host_namespaces(pod) := [e |
	some field in ["hostPID", "hostIPC", "hostNetwork"]
	s := pod_rd(pod, [field])
	some e in array.concat(unk(s), [{"m": concat("", [pod.path, ".", field, " is true: the pod shares ", _host_namespace_what[field], "."])} | is_val(s, true)])
] if count(pod.evs) == 0

_host_namespace_what := {
	"hostPID": "the node's processes",
	"hostIPC": "the node's shared memory and IPC",
	"hostNetwork": "the node's network stack (bypassing NetworkPolicy)",
}

catalog["k8s-no-host-namespaces"] := _rule("deny_k8s_no_host_namespaces", _workloads_and_patches)

k8s_rule_events("k8s-no-host-namespaces", r) := k8s_no_host_namespaces(r)
