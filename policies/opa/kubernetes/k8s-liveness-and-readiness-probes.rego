package phiguard

import rego.v1

# METADATA
# title: k8s-liveness-and-readiness-probes
# description: "Long-running containers should declare a livenessProbe and a readinessProbe, so Kubernetes restarts a hung process and sends traffic only to pods able to serve it (availability of ePHI services in degraded operation)."
warn_k8s_liveness_and_readiness_probes contains msg if some msg in analyzer_messages("k8s-liveness-and-readiness-probes")

k8s_liveness_and_readiness_probes(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_liveness_and_readiness_probes(pod)
} else := []

_k8s_liveness_and_readiness_probes(pod) := pod.evs if count(pod.evs) > 0

_k8s_liveness_and_readiness_probes(pod) := array.concat(cs.evs, [{"m": concat("", [c.label, " has no ", concat(" and no ", missing), "."])} |
	some c in cs.items
	missing := [p | some p in ["livenessProbe", "readinessProbe"]; not has_value(c.c, p)]
	count(missing) > 0
]) if {
	count(pod.evs) == 0
	cs := containers_of(pod, ["containers"])
}

catalog["k8s-liveness-and-readiness-probes"] := _rule("warn_k8s_liveness_and_readiness_probes", long_running_workload_types)

k8s_rule_events("k8s-liveness-and-readiness-probes", r) := k8s_liveness_and_readiness_probes(r)
