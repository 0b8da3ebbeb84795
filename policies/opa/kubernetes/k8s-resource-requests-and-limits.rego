package phiguard

import rego.v1

# METADATA
# title: k8s-resource-requests-and-limits
# description: "Containers must set CPU and memory requests and limits, so one workload cannot starve the others on its nodes and the scheduler places pods where they fit (availability of ePHI systems)."
deny_k8s_resource_requests_and_limits contains msg if some msg in analyzer_messages("k8s-resource-requests-and-limits")

k8s_resource_requests_and_limits(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_resource_requests_and_limits(pod)
} else := []

_k8s_resource_requests_and_limits(pod) := pod.evs if count(pod.evs) > 0

_k8s_resource_requests_and_limits(pod) := array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_resources_of(c, wanted)]) if {
	count(pod.evs) == 0
	cs := containers_of(pod, ["containers", "initContainers"])
	wanted := _k8s_wanted_resources(config("k8s-resource-requests-and-limits", "requireCpuLimit", true))
}

_k8s_wanted_resources(require_cpu_limit) := [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]] if {
	require_cpu_limit == false
} else := [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"], ["limits", "cpu"]]

# Each wanted entry reads resources.<group> (which may be unknown) before its descriptor check.
_k8s_resources_of(c, wanted) := array.concat(
	[e | some w in wanted; some e in unk(c_rd(c, ["resources", w[0]]))],
	[{"m": concat("", [c.label, " does not set resources ", concat(", ", missing), "."])} | count(missing) > 0],
) if {
	missing := [concat(".", w) |
		some w in wanted
		group := c_rd(c, ["resources", w[0]])
		group.k != "unk"
		not has_value(value_or(group, null), w[1])
	]
}

catalog["k8s-resource-requests-and-limits"] := _rule("deny_k8s_resource_requests_and_limits", workload_types)

k8s_rule_events("k8s-resource-requests-and-limits", r) := k8s_resource_requests_and_limits(r)
