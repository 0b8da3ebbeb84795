package phiguard

import rego.v1

# METADATA
# title: k8s-no-privilege-escalation
# description: "Every container must set securityContext.allowPrivilegeEscalation: false; left unset it defaults to true, so a setuid binary in the image can gain more privileges than the process started with."
deny_k8s_no_privilege_escalation contains msg if some msg in analyzer_messages("k8s-no-privilege-escalation")

k8s_no_privilege_escalation(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_no_privilege_escalation(pod)
} else := []

_k8s_no_privilege_escalation(pod) := pod.evs if count(pod.evs) > 0

_k8s_no_privilege_escalation(pod) := array.concat(cs.evs, [e |
	some c in cs.items
	s := c_rd(c, ["securityContext", "allowPrivilegeEscalation"])
	some e in array.concat(unk(s), _k8s_escalation_report(c, s))
]) if {
	count(pod.evs) == 0
	cs := all_containers(pod)
}

_k8s_escalation_report(_, s) := [] if s.k == "unk"

_k8s_escalation_report(_, s) := [] if is_val(s, false)

_k8s_escalation_report(c, s) := [{"m": concat("", [c.label, " sets securityContext.allowPrivilegeEscalation: true."])}] if is_val(s, true)

_k8s_escalation_report(c, s) := [{"m": concat("", [c.label, " does not set securityContext.allowPrivilegeEscalation: false (it defaults to true)."])}] if {
	s.k != "unk"
	not is_val(s, false)
	not is_val(s, true)
}

catalog["k8s-no-privilege-escalation"] := _rule("deny_k8s_no_privilege_escalation", workload_types)

k8s_rule_events("k8s-no-privilege-escalation", r) := k8s_no_privilege_escalation(r)
