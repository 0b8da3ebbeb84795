package phiguard

import rego.v1

# METADATA
# title: elb-listener-tls-1-2-policy
# description: "HTTPS and TLS listeners use a predefined security policy whose minimum is TLS 1.2, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06 (set explicitly: the default policy of older listeners allows TLS 1.0)."
deny_elb_listener_tls_1_2_policy contains msg if some msg in analyzer_messages("elb-listener-tls-1-2-policy")

elb_listener_tls_1_2_policy(r) := protocol.evs if {
	protocol := edge_listener_protocol(r)
	count(protocol.evs) > 0
} else := [] if {
	not edge_listener_protocol(r).t in edge_encrypted_protocols
} else := unk(policy) if {
	policy := edge_prop(r, ["sslPolicy"])
	policy.k == "unk"
} else := [{"m": "no sslPolicy is set, so the provider's default policy applies; expected a TLS 1.2+ policy."}] if {
	edge_prop(r, ["sslPolicy"]).k == "none"
} else := array.concat(text.evs, [{"m": concat("", ["sslPolicy '", text.t, "' allows protocols older than TLS 1.2."])} |
	count(text.evs) == 0
	not regex.match(`^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)(-|$)`, text.t)
]) if {
	text := edge_string(edge_prop(r, ["sslPolicy"]))
}

catalog["elb-listener-tls-1-2-policy"] := _rule("deny_elb_listener_tls_1_2_policy", edge_v2_listeners)

resource_rule_events("elb-listener-tls-1-2-policy", r) := elb_listener_tls_1_2_policy(r)
