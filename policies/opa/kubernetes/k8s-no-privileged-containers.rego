package phiguard

import rego.v1

# METADATA
# title: k8s-no-privileged-containers
# description: "Containers must not run privileged (securityContext.privileged) or as Windows host processes: a privileged container has every capability of the node and can read the ePHI of every pod on it."
deny_k8s_no_privileged_containers contains msg if some msg in analyzer_messages("k8s-no-privileged-containers")

k8s_no_privileged_containers(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_no_privileged_containers(pod)
} else := []

_k8s_no_privileged_containers(pod) := pod.evs if count(pod.evs) > 0

_k8s_no_privileged_containers(pod) := array.concat(
	array.concat(unk(host), [{"m": concat("", [pod.path, ".securityContext.windowsOptions.hostProcess is true: every container runs as a host process."])} | is_val(host, true)]),
	array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_privileged_container(c)]),
) if {
	count(pod.evs) == 0
	host := pod_rd(pod, ["securityContext", "windowsOptions", "hostProcess"])
	cs := all_containers(pod)
}

_k8s_privileged_container(c) := array.concat(
	array.concat(unk(privileged), [{"m": concat("", [c.label, " sets securityContext.privileged: true."])} | is_val(privileged, true)]),
	array.concat(unk(host), [{"m": concat("", [c.label, " sets securityContext.windowsOptions.hostProcess: true."])} | is_val(host, true)]),
) if {
	privileged := c_rd(c, ["securityContext", "privileged"])
	host := c_rd(c, ["securityContext", "windowsOptions", "hostProcess"])
}

catalog["k8s-no-privileged-containers"] := _rule("deny_k8s_no_privileged_containers", _workloads_and_patches)

k8s_rule_events("k8s-no-privileged-containers", r) := k8s_no_privileged_containers(r)
