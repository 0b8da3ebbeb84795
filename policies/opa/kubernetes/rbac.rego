# The RBAC kinds and how the RBAC rules read a Role's or ClusterRole's rules (the Rego twin of
# policies/hipaa/rules/kubernetes/rbac.ts).
package phiguard

import rego.v1

_rbac := "kubernetes:rbac.authorization.k8s.io/v1"

role_types := {concat("", [_rbac, ":", k]) | some k in ["Role", "ClusterRole", "RolePatch", "ClusterRolePatch"]}

binding_types := {concat("", [_rbac, ":", k]) | some k in ["RoleBinding", "ClusterRoleBinding", "RoleBindingPatch", "ClusterRoleBindingPatch"]}

_rule_lists := ["apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"]

# `rulesOf(props)`: {"evs": unknown reads, "rules": [{"index", "apiGroups", "resources", "verbs",
# "resourceNames", "nonResourceURLs"}]}. Every read happens before the rule checks anything.
rules_of(r) := {"evs": evs, "rules": [x.rule | some x in parsed]} if {
	els := elements(rd(r.props, props_at(r), ["rules"]))
	parsed := [_policy_rule(item) | some item in els.all]
	evs := array.concat(unk(rd(r.props, props_at(r), ["rules"])), [e | some x in parsed; some e in x.evs])
}

_policy_rule(item) := {"evs": [item_u(item)], "rule": {}} if {
	item.u
} else := {"evs": [e | some l in _rule_lists; some e in lists[l].evs], "rule": object.union({"index": item.i}, {l: lists[l].v | some l in _rule_lists})} if {
	lists := {l: strings_of(_rule_key(item, l)) | some l in _rule_lists}
}

_rule_key(item, key) := item_key(item, key) if {
	is_object(item.v)
} else := {"k": "none", "o": item.o, "p": item.p}
