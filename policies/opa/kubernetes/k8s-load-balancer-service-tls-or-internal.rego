package phiguard

import rego.v1

# METADATA
# title: k8s-load-balancer-service-tls-or-internal
# description: "A Service of type LoadBalancer must either be internal (aws-load-balancer-scheme: internal) or terminate TLS on every port (aws-load-balancer-ssl-cert with aws-load-balancer-ssl-ports covering all ports), so ePHI never reaches the internet in clear text."
deny_k8s_load_balancer_service_tls_or_internal contains msg if some msg in analyzer_messages("k8s-load-balancer-service-tls-or-internal")

_lb_scheme := "service.beta.kubernetes.io/aws-load-balancer-scheme"

_lb_internal := "service.beta.kubernetes.io/aws-load-balancer-internal"

_lb_ssl_cert := "service.beta.kubernetes.io/aws-load-balancer-ssl-cert"

_lb_ssl_ports := "service.beta.kubernetes.io/aws-load-balancer-ssl-ports"

k8s_load_balancer_service_tls_or_internal(r) := array.concat(unk(type), _k8s_lb(r)) if {
	spec := rd(r.props, props_at(r), ["spec"])
	type := rd_key(spec, "type")
	is_val(type, "LoadBalancer")
} else := unk(rd_key(rd(r.props, props_at(r), ["spec"]), "type"))

_k8s_lb(r) := array.concat(unk(annotations), _k8s_lb_annotated(r, _or_empty(annotations))) if {
	annotations := rd(r.props, props_at(r), ["metadata", "annotations"])
}

_k8s_lb_annotated(r, annotations) := [] if {
	annotations.k == "unk"
} else := array.concat(internal.evs, _k8s_lb_checked(r, annotations, internal.v)) if {
	internal := _lb_is_internal(annotations)
}

# `isInternal(annotations)`: {"evs", "v"}.
_lb_is_internal(annotations) := {"evs": unk(scheme), "v": false} if {
	scheme := rd_key(annotations, _lb_scheme)
	scheme.k == "unk"
} else := {"evs": [], "v": true} if {
	is_val(rd_key(annotations, _lb_scheme), "internal")
} else := {"evs": unk(legacy), "v": _lb_legacy_internal(rd_key(annotations, _lb_scheme), legacy)} if {
	legacy := rd_key(annotations, _lb_internal)
}

_lb_legacy_internal(scheme, legacy) if {
	scheme.k == "none"
	legacy.k == "val"
	legacy.v in {"true", true, "0.0.0.0/0"}
} else := false

_k8s_lb_checked(r, annotations, internal) := [] if {
	internal
	config("k8s-load-balancer-service-tls-or-internal", "requireTlsForInternal", false) != true
} else := unk(certificate) if {
	certificate := rd_key(annotations, _lb_ssl_cert)
	certificate.k == "unk"
} else := [{"m": concat("", [_lb_where(internal), " has no TLS certificate (", _lb_ssl_cert, ")", _lb_not_internal(internal), "."])}] if {
	rd_key(annotations, _lb_ssl_cert).k == "none"
} else := array.concat(array.concat(ports.evs, plain.evs), [{"m": concat("", [_lb_where(internal), " leaves port(s) ", concat(", ", plain.v), " without TLS (", _lb_ssl_ports, ")."])} |
	count(plain.v) > 0
]) if {
	spec := _or_empty(rd(r.props, props_at(r), ["spec"]))
	ports := elements(rd_key(spec, "ports"))
	plain := _lb_ports_without_tls(annotations, ports)
}

_lb_where(internal) := "The internal load balancer" if {
	internal
} else := "The internet-facing load balancer"

_lb_not_internal(internal) := "" if {
	internal
} else := concat("", [" and is not internal (", _lb_scheme, ")"])

# `portsWithoutTls(annotations, ports)`: {"evs", "v": names or numbers of the ports without TLS}.
_lb_ports_without_tls(annotations, ports) := {"evs": unk(raw), "v": []} if {
	raw := rd_key(annotations, _lb_ssl_ports)
	raw.k == "unk"
} else := {"evs": [], "v": []} if {
	raw := rd_key(annotations, _lb_ssl_ports)
	_lb_all_ports(raw)
} else := {"evs": array.concat(filter_evs, map_evs), "v": [t.v | some t in texts]} if {
	raw := rd_key(annotations, _lb_ssl_ports)
	listed := {p | some part in split(js_string_read(raw), ","); p := trim_space(part); p != ""}
	port_reads := [_lb_port_reads(item, listed) | some item in ports.items]
	filter_evs := [e | some x in port_reads; some e in x.evs]
	texts := [_lb_port_text(x.item) | some x in port_reads; x.plain]
	map_evs := [e | some t in texts; some e in t.evs]
}

_lb_all_ports(raw) if raw.k == "none"

_lb_all_ports(raw) if is_val(raw, "*")

_lb_all_ports(raw) if {
	raw.k == "val"
	some part in split(js_string_read(raw), ",")
	trim_space(part) == "*"
}

# The filter's reads of one port (`asObject(p) ?? {}`): port, then name when the port is not listed.
_lb_port_reads(item, listed) := {"evs": unk(port), "plain": false, "item": item} if {
	port := _port_key(item, "port")
	port.k == "unk"
} else := {"evs": [], "plain": false, "item": item} if {
	js_string_read(_port_key(item, "port")) in listed
} else := {"evs": unk(name), "plain": false, "item": item} if {
	name := _port_key(item, "name")
	name.k == "unk"
} else := {"evs": [], "plain": false, "item": item} if {
	_lb_name_listed(_port_key(item, "name"), listed)
} else := {"evs": [], "plain": true, "item": item}

_lb_name_listed(name, listed) if {
	name.k == "val"
	is_string(name.v)
	name.v in listed
}

_port_key(item, key) := item_key(item, key) if {
	is_object(item.v)
} else := {"k": "none", "o": item.o, "p": item.p}

# `String(p.name ?? p.port)`.
_lb_port_text(item) := {"evs": [], "v": js_string(name.v)} if {
	name := _port_key(item, "name")
	name.k == "val"
	name.v != null
} else := {"evs": unk(port), "v": ""} if {
	port := _port_key(item, "port")
	port.k == "unk"
} else := {"evs": [], "v": js_string_read(_port_key(item, "port"))}

catalog["k8s-load-balancer-service-tls-or-internal"] := _rule("deny_k8s_load_balancer_service_tls_or_internal", {"kubernetes:core/v1:Service"})

k8s_rule_events("k8s-load-balancer-service-tls-or-internal", r) := k8s_load_balancer_service_tls_or_internal(r)
