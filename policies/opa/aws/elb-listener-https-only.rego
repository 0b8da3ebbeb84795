package phiguard

import rego.v1

# METADATA
# title: elb-listener-https-only
# description: "Load balancer listeners accept only encrypted connections: HTTPS/TLS listeners, or HTTP listeners whose every default action redirects to HTTPS. Classic Load Balancer listeners use HTTPS or SSL."
deny_elb_listener_https_only contains msg if some msg in analyzer_messages("elb-listener-https-only")

elb_listener_https_only(r) := array.concat(listeners.evs, [e |
	some item in listeners.all
	some e in _elb_listener_https_only_classic(item)
]) if {
	r.type == edge_classic_lb
	listeners := edge_array_of(edge_prop(r, ["listeners"]))
} else := protocol.evs if {
	protocol := edge_listener_protocol(r)
	count(protocol.evs) > 0
} else := [] if {
	edge_listener_protocol(r).t in edge_encrypted_protocols
} else := [] if {
	edge_listener_protocol(r).t in edge_pass_through_protocols
} else := array.concat(array.concat(actions.evs, hit.evs), [{"m": concat("", ["the listener accepts ", edge_listener_protocol(r).t, " without redirecting to HTTPS."])} |
	count(actions.evs) + count(hit.evs) == 0
	not _elb_listener_https_only_redirects(actions, hit)
]) if {
	actions := edge_array_of(edge_prop(r, ["defaultActions"]))
	hit := first_hit([_elb_listener_https_only_not_redirect(item) | some item in actions.all])
}

_elb_listener_https_only_classic(item) := item_evs(item) if {
	item.u
} else := text.evs if {
	text := edge_string(item_key(item, "lbProtocol"))
	count(text.evs) > 0
} else := [{"m": concat("", ["listeners[", format_int(item.i, 10), "] uses ", upper(text.t), "; expected HTTPS or SSL."])} | not upper(text.t) in {"HTTPS", "SSL"}] if {
	text := edge_string(item_key(item, "lbProtocol"))
}

_elb_listener_https_only_redirects(actions, hit) if {
	count(actions.all) > 0
	not hit.v
}

# {"evs", "v"}: true when the action is not a redirect to HTTPS (`every` stops there).
_elb_listener_https_only_not_redirect(item) := {"evs": item_evs(item), "v": false} if {
	item.u
} else := {"evs": unk(type), "v": false} if {
	type := item_key(item, "type")
	type.k == "unk"
} else := {"evs": [], "v": true} if {
	not is_val(item_key(item, "type"), "redirect")
} else := {"evs": unk(protocol), "v": false} if {
	protocol := rd(item.v, item_read(item), ["redirect", "protocol"])
	protocol.k == "unk"
} else := {"evs": text.evs, "v": false} if {
	text := edge_string(rd(item.v, item_read(item), ["redirect", "protocol"]))
	count(text.evs) > 0
} else := {"evs": [], "v": upper(edge_string(rd(item.v, item_read(item), ["redirect", "protocol"])).t) != "HTTPS"}

catalog["elb-listener-https-only"] := _rule("deny_elb_listener_https_only", edge_v2_listeners | {edge_classic_lb})

resource_rule_events("elb-listener-https-only", r) := elb_listener_https_only(r)
