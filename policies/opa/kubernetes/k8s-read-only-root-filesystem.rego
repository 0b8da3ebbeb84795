package phiguard

import rego.v1

# METADATA
# title: k8s-read-only-root-filesystem
# description: "Containers must run with securityContext.readOnlyRootFilesystem: true, so an intruder cannot alter the application's code or plant tools in the image's filesystem."
deny_k8s_read_only_root_filesystem contains msg if some msg in analyzer_messages("k8s-read-only-root-filesystem")

k8s_read_only_root_filesystem(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_read_only_root_filesystem(pod)
} else := []

_k8s_read_only_root_filesystem(pod) := pod.evs if count(pod.evs) > 0

_k8s_read_only_root_filesystem(pod) := array.concat(cs.evs, [e |
	some c in cs.items
	s := c_rd(c, ["securityContext", "readOnlyRootFilesystem"])
	some e in array.concat(unk(s), [{"m": concat("", [c.label, " does not set securityContext.readOnlyRootFilesystem: true."])} |
		s.k != "unk"
		not is_val(s, true)
	])
]) if {
	count(pod.evs) == 0
	cs := all_containers(pod)
}

catalog["k8s-read-only-root-filesystem"] := _rule("deny_k8s_read_only_root_filesystem", workload_types)

k8s_rule_events("k8s-read-only-root-filesystem", r) := k8s_read_only_root_filesystem(r)
