package phiguard

import rego.v1

# METADATA
# title: k8s-ingress-tls
# description: "Ingresses must terminate TLS for every host they route: spec.tls lists each host of spec.rules (or, with the AWS Load Balancer Controller, an ACM certificate annotation with HTTPS-only or redirecting listeners), so ePHI never crosses the network in clear text."
deny_k8s_ingress_tls contains msg if some msg in analyzer_messages("k8s-ingress-tls")

ingress_types := {
	"kubernetes:networking.k8s.io/v1:Ingress",
	"kubernetes:networking.k8s.io/v1beta1:Ingress",
	"kubernetes:extensions/v1beta1:Ingress",
}

_alb_certificate := "alb.ingress.kubernetes.io/certificate-arn"

_alb_listen_ports := "alb.ingress.kubernetes.io/listen-ports"

_alb_ssl_redirect := "alb.ingress.kubernetes.io/ssl-redirect"

k8s_ingress_tls(r) := array.concat(array.concat(unk(annotations), unk(spec)), _k8s_ingress_tls(annotations, spec)) if {
	annotations := rd(r.props, props_at(r), ["metadata", "annotations"])
	spec := rd(r.props, props_at(r), ["spec"])
}

# `asObject(x) ?? {}` as a read, so reads below it are reads of a plain empty object.
_or_empty(s) := s if {
	s.k == "val"
	is_object(s.v)
} else := {"k": "val", "v": {}, "o": s.o, "p": s.p}

_k8s_ingress_tls(annotations, spec) := [] if {
	annotations.k == "unk"
} else := [] if {
	spec.k == "unk"
} else := _k8s_ingress_alb(_or_empty(annotations)) if {
	certificate := rd_key(_or_empty(annotations), _alb_certificate)
	certificate.k != "none"
} else := _k8s_ingress_spec_tls(_or_empty(spec))

_k8s_ingress_alb(annotations) := unk(certificate) if {
	certificate := rd_key(annotations, _alb_certificate)
	certificate.k == "unk"
} else := unk(listen) if {
	listen := rd_key(annotations, _alb_listen_ports)
	listen.k == "unk"
} else := array.concat(unk(redirect), [{"m": concat("", [
	"The ALB has a certificate but also a plain HTTP listener (", _alb_listen_ports, " ",
	_alb_listen_text(protocols), ") without ", _alb_ssl_redirect, ".",
])} |
	redirect.k == "none"
]) if {
	listen := rd_key(annotations, _alb_listen_ports)
	protocols := _alb_listen_protocols(listen)
	_alb_plain_http(listen, protocols)
	redirect := rd_key(annotations, _alb_ssl_redirect)
} else := []

# The listener protocols of listen-ports (`[{"HTTPS": 443}]`), or {"none": true} when it is not a
# string holding JSON.
_alb_listen_protocols(listen) := {"list": [key |
	some entry in _as_array(json_parse(listen.v).v)
	is_object(entry)
	some key, _ in entry
]} if {
	listen.k == "val"
	json_parse(listen.v)
} else := {"none": true}

_as_array(v) := v if {
	is_array(v)
} else := []

_alb_plain_http(listen, protocols) if {
	protocols.none
	listen.k == "none"
}

_alb_plain_http(_, protocols) if "HTTP" in protocols.list

_alb_listen_text(protocols) := "not set, default HTTP:80" if {
	protocols.none
} else := "includes HTTP"

_k8s_ingress_spec_tls(spec) := array.concat(
	array.concat(tls.evs, [e | some x in tls_items; some e in host_lists[x.i].evs]),
	array.concat(rules.evs, _k8s_ingress_rules(tls, rules, hosts)),
) if {
	tls := elements(rd_key(spec, "tls"))
	tls_items := [item | some item in tls.items]
	host_lists := {item.i: strings_of(_tls_hosts(item)) | some item in tls_items}
	hosts := [h | some item in tls_items; some h in host_lists[item.i].v]
	rules := elements(rd_key(spec, "rules"))
}

# `(asObject(t) ?? {}).hosts`
_tls_hosts(item) := item_key(item, "hosts") if {
	is_object(item.v)
} else := {"k": "none", "o": item.o, "p": item.p}

_k8s_ingress_rules(tls, rules, hosts) := [{"m": "spec.tls is not set: every host is served over plain HTTP."}] if {
	count(tls.items) + count(tls.evs) == 0
} else := [e |
	some item in rules.items
	host := _rule_host(item)
	some e in array.concat(unk(host), [{"m": concat("", ["spec.rules[", format_int(item.i, 10), "] host \"", host.v, "\" is not listed in any spec.tls[].hosts."])} |
		host.k == "val"
		is_string(host.v)
		host.v != ""
		not _covered(hosts, host.v)
	])
]

_rule_host(item) := item_key(item, "host") if {
	is_object(item.v)
} else := {"k": "none", "o": item.o, "p": item.p}

_covered(hosts, host) if {
	some t in hosts
	covers_host(t, host)
}

# `coversHost(tlsHost, host)`: equal, or `*.example.com` covering exactly one more label.
covers_host(tls_host, host) if lower(tls_host) == lower(host)

covers_host(tls_host, host) if {
	t := lower(tls_host)
	h := lower(host)
	startswith(t, "*.")
	suffix := substring(t, 1, -1)
	endswith(h, suffix)
	count(h) > count(suffix)
	not contains(substring(h, 0, count(h) - count(suffix)), ".")
}

catalog["k8s-ingress-tls"] := _rule("deny_k8s_ingress_tls", ingress_types)

k8s_rule_events("k8s-ingress-tls", r) := k8s_ingress_tls(r)
