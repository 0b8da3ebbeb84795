package phiguard

import rego.v1

# METADATA
# title: k8s-rbac-no-bind-escalate-impersonate
# description: "Roles and ClusterRoles must not grant the bind, escalate or impersonate verbs: each lets the subject obtain permissions it was never given (bind any role, edit roles beyond its own rights, act as another user or group such as system:masters)."
deny_k8s_rbac_no_bind_escalate_impersonate contains msg if some msg in analyzer_messages("k8s-rbac-no-bind-escalate-impersonate")

k8s_rbac_no_bind_escalate_impersonate(r) := array.concat(rules.evs, [{"m": concat("", [type_kind(r.type), " rules[", format_int(rule.index, 10), "] grants ", concat(", ", verbs), _rbac_on(rule.resources), "."])} |
	some rule in rules.rules
	verbs := [v | some v in rule.verbs; v in {"bind", "escalate", "impersonate"}]
	count(verbs) > 0
]) if {
	rules := rules_of(r)
}

_rbac_on(resources) := concat("", [" on ", concat(", ", resources)]) if {
	count(resources) > 0
} else := ""

catalog["k8s-rbac-no-bind-escalate-impersonate"] := _rule("deny_k8s_rbac_no_bind_escalate_impersonate", role_types)

k8s_rule_events("k8s-rbac-no-bind-escalate-impersonate", r) := k8s_rbac_no_bind_escalate_impersonate(r)
