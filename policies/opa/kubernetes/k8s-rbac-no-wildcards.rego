package phiguard

import rego.v1

# METADATA
# title: k8s-rbac-no-wildcards
# description: "Roles and ClusterRoles must not use \"*\" in verbs, resources or apiGroups: a wildcard grants every present and future permission of its kind, including reading Secrets and changing RBAC itself."
deny_k8s_rbac_no_wildcards contains msg if some msg in analyzer_messages("k8s-rbac-no-wildcards")

k8s_rbac_no_wildcards(r) := array.concat(rules.evs, [{"m": concat("", [type_kind(r.type), " rules[", format_int(rule.index, 10), "] uses \"*\" in ", concat(", ", fields), "."])} |
	some rule in rules.rules
	fields := [f | some f in ["verbs", "resources", "apiGroups"]; "*" in rule[f]]
	count(fields) > 0
]) if {
	rules := rules_of(r)
}

catalog["k8s-rbac-no-wildcards"] := _rule("deny_k8s_rbac_no_wildcards", role_types)

k8s_rule_events("k8s-rbac-no-wildcards", r) := k8s_rbac_no_wildcards(r)
