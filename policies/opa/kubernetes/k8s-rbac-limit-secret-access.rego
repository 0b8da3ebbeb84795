package phiguard

import rego.v1

# METADATA
# title: k8s-rbac-limit-secret-access
# description: "Roles and ClusterRoles must not grant get, list or watch on all Secrets (of the core API group): read access must name the Secrets it needs (resourceNames), since Secrets hold database passwords, API keys and TLS keys that guard ePHI."
deny_k8s_rbac_limit_secret_access contains msg if some msg in analyzer_messages("k8s-rbac-limit-secret-access")

k8s_rbac_limit_secret_access(r) := array.concat(rules.evs, [{"m": concat("", [type_kind(r.type), " rules[", format_int(rule.index, 10), "] grants ", concat(", ", verbs), " on every Secret."])} |
	some rule in rules.rules
	_core_group(rule)
	_all_secrets(rule)
	verbs := [v | some v in rule.verbs; v in {"get", "list", "watch", "*"}]
	count(verbs) > 0
	count(rule.resourceNames) == 0
]) if {
	rules := rules_of(r)
}

_core_group(rule) if "" in rule.apiGroups

_core_group(rule) if "*" in rule.apiGroups

_all_secrets(rule) if "secrets" in rule.resources

_all_secrets(rule) if "*" in rule.resources

catalog["k8s-rbac-limit-secret-access"] := _rule("deny_k8s_rbac_limit_secret_access", role_types)

k8s_rule_events("k8s-rbac-limit-secret-access", r) := k8s_rbac_limit_secret_access(r)
