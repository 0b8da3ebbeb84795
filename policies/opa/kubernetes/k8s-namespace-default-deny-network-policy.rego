package phiguard

import rego.v1

# METADATA
# title: k8s-namespace-default-deny-network-policy
# description: "Every namespace that runs workloads must have a default-deny NetworkPolicy: podSelector {} with policyTypes Ingress and Egress and no allow-all rule, so pods accept and open only the connections other policies allow explicitly."
stack_deny_k8s_namespace_default_deny_network_policy contains msg if some msg in analyzer_stack_messages("k8s-namespace-default-deny-network-policy")

network_policy_type := "kubernetes:networking.k8s.io/v1:NetworkPolicy"

# Each resource of the stack in order: a NetworkPolicy gives the namespace key it is in and the
# directions it isolates; a workload gives its namespace key. A value unknown at preview makes that
# step fail (and is reported once, at the end, for the first one); no verdict is given on a
# namespace with a NetworkPolicy that could not be read, nor on any when one's namespace could not.
k8s_namespace_default_deny_network_policy := units_outcome(array.concat(
	[step.evs | some step in _np_steps],
	[[e | some e in _np_violations]],
))

_np_steps := [_np_step_of(r) | some r in resources_of_types(workload_types | {network_policy_type})]

_np_step_of(r) := {"policy": true, "key": key, "dirs": dirs, "evs": array.concat(key.evs, dirs.evs)} if {
	r.type == network_policy_type
	key := namespace_key_of(r)
	dirs := _np_dirs_if_key(r, key)
} else := {"policy": false, "key": key, "urn": r.urn, "evs": key.evs} if {
	key := namespace_key_of(r)
}

_np_dirs_if_key(r, key) := {"evs": [], "v": set()} if {
	count(key.evs) > 0
} else := isolated_directions(rd(r.props, props_at(r), ["spec"]))

# The unknown reads are reported by the steps; the violations come from the steps that succeeded.
_np_violations := [{"m": _np_message(w.key.v, missing), "urn": w.urn} |
	not _np_unreadable_anywhere
	some w in _np_steps
	not w.policy
	count(w.evs) == 0
	not w.key.v in _np_unreadable
	missing := [d | some d in _np_wanted; not d in object.get(_np_isolated, w.key.v, set())]
	count(missing) > 0
]

_np_wanted := ["Ingress", "Egress"] if {
	config("k8s-namespace-default-deny-network-policy", "requireEgress", true) != false
} else := ["Ingress"]

_np_unreadable_anywhere if {
	some s in _np_steps
	s.policy
	count(s.key.evs) > 0
}

_np_unreadable := {s.key.v |
	some s in _np_steps
	s.policy
	count(s.key.evs) == 0
	count(s.dirs.evs) > 0
}

# The directions isolated in each namespace (by key), from the policies that could be read; grouped in
# one pass over the steps (a namespace without any is absent).
_np_isolated[s.key.v] contains d if {
	some s in _np_steps
	s.policy
	count(s.evs) == 0
	some d in s.dirs.v
}

_np_message(key, missing) := concat("", [
	describe_namespace_key(key), " has no NetworkPolicy that denies all ",
	lower(concat(" and ", missing)), " traffic by default (podSelector {}, policyTypes ", concat(", ", missing), ").",
])

# `isolatedDirections(spec)`: {"evs": unknown reads, "v": the directions isolated for every pod}.
isolated_directions(spec) := {"evs": unk(spec), "v": set()} if {
	spec.k == "unk"
} else := {"evs": [], "v": set()} if {
	not is_object(value_or(spec, null))
} else := {"evs": all_pods.evs, "v": set()} if {
	all_pods := _selects_all_pods(rd_key(spec, "podSelector"))
	not all_pods.v
} else := {"evs": array.concat(declared.evs, checks.evs), "v": checks.v} if {
	declared := _np_declared(spec)
	checks := _np_checks(spec, declared.v)
}

# `selectsAllPods(selector)`: {"evs", "v": bool}.
_selects_all_pods(s) := {"evs": unk(s), "v": false} if {
	s.k == "unk"
} else := {"evs": [], "v": false} if {
	not is_object(value_or(s, null))
} else := {"evs": unk(labels), "v": false} if {
	labels := rd_key(s, "matchLabels")
	labels.k == "unk"
} else := {"evs": [], "v": false} if {
	labels := rd_key(s, "matchLabels")
	is_object(labels.v)
	count(labels.v) > 0
} else := {"evs": unk(expressions), "v": _empty_array_flag(expressions)} if {
	expressions := rd_key(s, "matchExpressions")
}

_empty_array_flag(s) := false if {
	s.k == "val"
	is_array(s.v)
	count(s.v) > 0
} else := true

# The directions policyTypes declares (or implies): {"evs", "v": [direction]}.
_np_declared(spec) := {"evs": unk(types), "v": []} if {
	types := rd_key(spec, "policyTypes")
	types.k == "unk"
} else := {"evs": strs.evs, "v": [t | some t in strs.v; t in {"Ingress", "Egress"}]} if {
	types := rd_key(spec, "policyTypes")
	types.k == "val"
	strs := strings_of(types)
} else := {"evs": unk(egress), "v": _implied_types(egress)} if {
	egress := rd_key(spec, "egress")
}

_implied_types(egress) := ["Ingress", "Egress"] if {
	egress.k == "val"
} else := ["Ingress"]

# For each direction in order: isolated unless a rule admits everything.
_np_checks(spec, directions) := {"evs": [e | some c in checks; some e in c.evs], "v": {c.d | some c in checks; c.isolated}} if {
	checks := [_np_check(spec, d) | some d in directions]
}

_np_check(spec, d) := {"d": d, "evs": found.evs, "isolated": not_found} if {
	list := rd_key(spec, _np_rules_key[d])
	found := _np_allows_all_some(list, _np_peers[d])
	not_found := _not_flag(found.v)
}

_np_rules_key := {"Ingress": "ingress", "Egress": "egress"}

_np_peers := {"Ingress": "from", "Egress": "to"}

_not_flag(b) := false if {
	b
} else := true

# `asArray(rules).some((r) => allowsAll(r, peers))`, reading rules one by one until one admits all.
_np_allows_all_some(list, peers) := {"evs": unk(list), "v": false} if {
	list.k == "unk"
} else := {"evs": [e | some x in array.slice(results, 0, stop); some e in x.evs], "v": stop <= count(results)} if {
	els := elements(list)
	results := [_np_allows_all(item, peers) | some item in els.all]
	hits := {i | some i, x in results; _hit(x)}
	stop := _stop(hits, count(results))
}

# Elements are read up to the first one that admits everything or is unknown.
_hit(x) if x.v

_hit(x) if count(x.evs) > 0

_stop(hits, n) := min(hits) + 1 if {
	count(hits) > 0
} else := n + 1

_np_allows_all(item, peers) := {"evs": [item_u(item)], "v": false} if {
	item.u
} else := {"evs": [], "v": false} if {
	not is_object(item.v)
} else := {"evs": unk(peer_list), "v": false} if {
	peer_list := item_key(item, peers)
	peer_list.k == "unk"
} else := {"evs": [], "v": false} if {
	not _empty_array_flag(item_key(item, peers))
} else := {"evs": unk(ports), "v": _empty_array_flag(ports)} if {
	ports := item_key(item, "ports")
}

catalog["k8s-namespace-default-deny-network-policy"] := _rule("stack_deny_k8s_namespace_default_deny_network_policy", workload_types)

stack_rule_events("k8s-namespace-default-deny-network-policy") := k8s_namespace_default_deny_network_policy
