# Helpers of the ACM, API Gateway, WAF, ELB, CodeBuild, ECR, ECS, Elastic Beanstalk, Lambda and EMR
# rules (the Rego twins of policies/hipaa/rules/aws/lib/{acm,apigateway,elb,ecs,subnets,props,stack}.ts
# where those rules need them).
package phiguard

import rego.v1

edge_certificate := "aws:acm/certificate:Certificate"

edge_stage := "aws:apigateway/stage:Stage"

edge_rest_api := "aws:apigateway/restApi:RestApi"

edge_method_settings := "aws:apigateway/methodSettings:MethodSettings"

edge_domain_name := "aws:apigateway/domainName:DomainName"

edge_web_acl := "aws:wafv2/webAcl:WebAcl"

edge_web_acl_association := "aws:wafv2/webAclAssociation:WebAclAssociation"

edge_web_acl_logging := "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"

edge_classic_lb := "aws:elb/loadBalancer:LoadBalancer"

edge_v2_listeners := {"aws:lb/listener:Listener", "aws:alb/listener:Listener"}

edge_task_definition := "aws:ecs/taskDefinition:TaskDefinition"

edge_emr_cluster := "aws:emr/cluster:Cluster"

edge_subnet := "aws:ec2/subnet:Subnet"

edge_route_table := "aws:ec2/routeTable:RouteTable"

edge_route_table_association := "aws:ec2/routeTableAssociation:RouteTableAssociation"

edge_route := "aws:ec2/route:Route"

edge_internet_gateway := "aws:ec2/internetGateway:InternetGateway"

edge_encrypted_protocols := {"HTTPS", "TLS"}

edge_pass_through_protocols := {"TCP", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"}

# --- Values -----------------------------------------------------------------------------------

# `String(value)` of a read through the proxy: {"evs": the unknown read, "t": text}. String() of an
# array reads its elements (and those of nested arrays), so an unknown one among them ends the rule.
edge_string(s) := {"evs": unk(s), "t": ""} if {
	s.k == "unk"
} else := {"evs": [{"u": concat(".", array.concat(s.p, [js_string(k) | some k in first])), "s": secret_flag(_edge_at(s.v, first)), "o": s.o}], "t": ""} if {
	s.k == "val"
	is_array(s.v)
	first := _edge_first_unknown_in_arrays(s.v)
} else := {"evs": [], "t": edge_js_string(s.v)} if {
	s.k == "val"
} else := {"evs": [], "t": "undefined"}

# `String(value ?? dflt)` of a read.
edge_string_or(s, dflt) := {"evs": [], "t": dflt} if {
	s.k == "none"
} else := {"evs": [], "t": dflt} if {
	s.k == "val"
	s.v == null
} else := edge_string(s)

_edge_at(v, p) := x if walk(v, [p, x])

# The first unknown element reached through arrays only (String() does not read object fields).
_edge_first_unknown_in_arrays(v) := min({p |
	walk(v, [p, x])
	count(p) > 0
	is_unknown(x)
	every i in numbers.range(0, count(p) - 1) {
		is_array(_edge_prefix_value(v, p, i))
	}
})

_edge_prefix_value(v, _, 0) := v

_edge_prefix_value(v, p, i) := x if {
	i > 0
	walk(v, [array.slice(p, 0, i), x])
}

# JavaScript's String(value), with nested arrays joined as Array.prototype.join does.
edge_js_string(v) := concat(",", [_edge_join_item(x) | some x in v]) if {
	is_array(v)
} else := js_string(v)

_edge_join_item(x) := "" if {
	is_null(x)
} else := concat(",", [_edge_join_item2(y) | some y in x]) if {
	is_array(x)
} else := js_string(x)

_edge_join_item2(x) := "" if {
	is_null(x)
} else := concat(",", [_edge_join_item3(y) | some y in x]) if {
	is_array(x)
} else := js_string(x)

_edge_join_item3(x) := "" if {
	is_null(x)
} else := "" if {
	is_array(x)
} else := js_string(x)

# `arrayOf(value)` of a read, as a rule iterates it: {"evs": the unknown read of the value itself,
# "all": the elements (see `elements`); a value that is not an array is its one element}.
edge_array_of(s) := {"evs": unk(s), "all": []} if {
	s.k == "unk"
} else := {"evs": [], "all": []} if {
	s.k == "none"
} else := {"evs": [], "all": []} if {
	s.v == null
} else := {"evs": [], "all": elements(s).all} if {
	is_array(s.v)
} else := {"evs": [], "all": [{"i": 0, "v": s.v, "o": s.o, "p": s.p, "u": false}]}

# A read of the resource's props.
edge_prop(r, keys) := rd(r.props, props_at(r), keys)

# --- Load balancers ---------------------------------------------------------------------------

# `listenerProtocol(props)`: {"evs", "t"}.
edge_listener_protocol(r) := {"evs": text.evs, "t": upper(text.t)} if {
	text := edge_string_or(edge_prop(r, ["protocol"]), "HTTP")
}

# `loadBalancerType(props) === type`, on a read of loadBalancerType.
edge_lb_type_is(s, type) if {
	s.k == "val"
	s.v == type
}

edge_lb_type_is(s, "application") if s.k == "none"

edge_lb_type_is(s, "application") if {
	s.k == "val"
	s.v == null
}

# --- Stack joins --------------------------------------------------------------------------------

# `peekString(obj, key)`: a known string, else undefined.
edge_peek_string(obj, key) := obj[key] if {
	is_object(obj)
	is_string(obj[key])
}

# --- API Gateway --------------------------------------------------------------------------------

_edge_dependency_urns(r, property) := [s.urn | some s in property_sources(r, property)]

_edge_same_rest_api(a, b) if {
	count(_edge_dependency_urns(a, "restApi")) + count(_edge_dependency_urns(b, "restApi")) > 0
	some u in _edge_dependency_urns(a, "restApi")
	u in _edge_dependency_urns(b, "restApi")
}

_edge_same_rest_api(a, b) if {
	count(_edge_dependency_urns(a, "restApi")) + count(_edge_dependency_urns(b, "restApi")) == 0
	literal := edge_peek_string(a.props, "restApi")
	literal == edge_peek_string(b.props, "restApi")
}

_edge_stage_method_settings(ms, stage) if stage.urn in _edge_dependency_urns(ms, "stageName")

_edge_stage_method_settings(ms, stage) if {
	name := edge_peek_string(ms.props, "stageName")
	name == edge_peek_string(stage.props, "stageName")
	_edge_same_rest_api(ms, stage)
}

# `stageMethodSettings(resources, stage)`.
edge_stage_method_settings(stage) := [ms |
	some ms in resources_of_type(edge_method_settings)
	_edge_stage_method_settings(ms, stage)
]

# `stageRestApis(resources, stage)`.
edge_stage_rest_apis(stage) := [api |
	some api in resources_of_type(edge_rest_api)
	api.urn in _edge_dependency_urns(stage, "restApi")
]

# --- Subnets ------------------------------------------------------------------------------------

# `publicSubnetReason(resources, subnet)` as events: the unknown reads it makes, then {"m": reason}
# when the subnet is public.
edge_public_subnet_reason(subnet) := unk(public) if {
	public := edge_prop(subnet, ["mapPublicIpOnLaunch"])
	public.k == "unk"
} else := [{"m": concat("", ["subnet '", subnet.name, "' assigns public IPs on launch (mapPublicIpOnLaunch)"])}] if {
	is_val(edge_prop(subnet, ["mapPublicIpOnLaunch"]), true)
} else := array.concat(hit.evs, [{"m": concat("", ["subnet '", subnet.name, "' routes 0.0.0.0/0 to an internet gateway (route table '", tables[hit.i].name, "')"])} | hit.v]) if {
	tables := [t |
		some a in children_of(subnet, edge_route_table_association, "subnetId", [])
		some t in parents_of(a, "routeTableId", edge_route_table, [])
	]
	hit := first_hit([_edge_routes_to_internet(t) | some t in tables])
}

# `routesToInternet(resources, table)`: {"evs", "v"}.
_edge_routes_to_internet(table) := inline if {
	inline := _edge_inline_default_route(table)
	_holds_or_unknown(inline)
} else := {"evs": [], "v": true} if {
	some route in children_of(table, edge_route, "routeTableId", [])
	_edge_route_resource_default(route)
} else := {"evs": [], "v": false}

_edge_inline_default_route(table) := {"evs": routes.evs, "v": false} if {
	routes := edge_array_of(edge_prop(table, ["routes"]))
	count(routes.evs) > 0
} else := first_hit([_edge_inline_route(table, item) | some item in edge_array_of(edge_prop(table, ["routes"])).all])

_edge_inline_route(table, item) := {"evs": [item_u(item)], "v": false} if {
	item.u
} else := {"evs": [], "v": _edge_inline_route_default(table, item.v)}

_edge_inline_route_default(table, route) if {
	aws_has_value(route, "gatewayId")
	_edge_default_destination(route, "cidrBlock", "ipv6CidrBlock")
	_edge_via_internet_gateway(table, "routes", route)
} else := false

_edge_route_resource_default(route) if {
	aws_has_value(route.props, "gatewayId")
	_edge_default_destination(route.props, "destinationCidrBlock", "destinationIpv6CidrBlock")
	_edge_via_internet_gateway(route, "gatewayId", route.props)
}

# `peekString(x, v4) ?? peekString(x, v6)` is a default route.
_edge_default_destination(x, v4, _) if edge_peek_string(x, v4) in {"0.0.0.0/0", "::/0"}

_edge_default_destination(x, v4, v6) if {
	not edge_peek_string(x, v4)
	edge_peek_string(x, v6) in {"0.0.0.0/0", "::/0"}
}

_edge_via_internet_gateway(owner, property, _) if {
	some d in property_sources(owner, property)
	d.type == edge_internet_gateway
}

_edge_via_internet_gateway(_, _, x) if startswith(edge_peek_string(x, "gatewayId"), "igw-")

# --- Elastic Beanstalk --------------------------------------------------------------------------

edge_eb_environment := "aws:elasticbeanstalk/environment:Environment"

edge_eb_template := "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate"

# `settings.find((s) => s.namespace === namespace && s.name === name)` over `edge_array_of`
# elements: {"evs", "v": found, "i": its index in settings.all}.
edge_eb_find(settings, namespace, name) := first_hit([_edge_eb_is(item, namespace, name) | some item in settings.all])

_edge_eb_is(item, namespace, name) := {"evs": item_evs(item), "v": false} if {
	item.u
} else := {"evs": unk(ns), "v": false} if {
	ns := item_key(item, "namespace")
	ns.k == "unk"
} else := {"evs": [], "v": false} if {
	not is_val(item_key(item, "namespace"), namespace)
} else := {"evs": unk(n), "v": false} if {
	n := item_key(item, "name")
	n.k == "unk"
} else := {"evs": [], "v": is_val_flag(item_key(item, "name"), name)}

# `String(found?.value ?? dflt)`: {"evs", "t"}.
edge_eb_value(settings, found, dflt) := edge_string_or(item_key(settings.all[found.i], "value"), dflt) if {
	found.v
} else := {"evs": [], "t": dflt}

# `String(found.value)`.
edge_eb_value_text(settings, found) := edge_string(item_key(settings.all[found.i], "value"))

# --- ECS ----------------------------------------------------------------------------------------

# `containersOf(props, report)`: {"evs": the unknown reads of the containers (the value, an element,
# a name) or the report of a value that is not a JSON array, "cs": [{"name", "item"}]}.
edge_containers_of(r) := {"evs": unk(s), "cs": []} if {
	s := edge_prop(r, ["containerDefinitions"])
	s.k == "unk"
} else := {"evs": [{"m": "containerDefinitions is not valid JSON, so the containers cannot be checked."}], "cs": []} if {
	s := edge_prop(r, ["containerDefinitions"])
	is_string(s.v)
	not json_parse(s.v)
} else := _edge_containers(json_parse(s.v).v, s) if {
	s := edge_prop(r, ["containerDefinitions"])
	is_string(s.v)
} else := _edge_containers(s.v, s) if {
	s := edge_prop(r, ["containerDefinitions"])
	s.k == "val"
} else := _edge_containers(null, edge_prop(r, ["containerDefinitions"]))

_edge_containers(value, s) := {"evs": [{"m": "containerDefinitions is not a JSON array of container definitions, so the containers cannot be checked."}], "cs": []} if {
	not is_array(value)
} else := {"evs": [e | some item in items; some e in _edge_container_reads(item)], "cs": [{"name": _edge_container_name(item), "item": item} | some item in items]} if {
	items := elements({"k": "val", "v": value, "o": s.o, "p": s.p}).all
}

_edge_container_reads(item) := item_evs(item) if {
	item.u
} else := unk(item_key(item, "name"))

_edge_container_name(item) := name.v if {
	name := item_key(item, "name")
	name.k == "val"
	is_string(name.v)
} else := concat("", ["#", format_int(item.i, 10)])

# `isRootUser(user)` of a user's text (undefined, null and "" are root too).
edge_root_user_text(t) if {
	name := trim_space(split(t, ":")[0])
	_edge_root_name(name)
}

_edge_root_name("")

_edge_root_name(name) if lower(name) == "root"

_edge_root_name("0")

# `settings.filter((ms) => ms.props.methodPath === ALL_METHODS)`: {"evs", "v": the settings}.
edge_all_methods(settings) := {"evs": first_evs([{"evs": unk(edge_prop(ms, ["methodPath"]))} | some ms in settings]), "v": [ms |
	some ms in settings
	is_val(edge_prop(ms, ["methodPath"]), "*/*")
]}

# --- ACM ----------------------------------------------------------------------------------------
#
# `new X509Certificate(String(certificateBody))` for the PEM certificates a plan holds: the first
# CERTIFICATE block is base64-decoded into byte values and its DER read as far as the rules need
# (validity and subject public key). Anything else is "not a PEM-encoded X.509 certificate".

# Date.now() at the check, which phiguard's Rego engine sets as data.phiguard.now_ms (undefined
# under Pulumi's OPA analyzer).
edge_now_ms := data.phiguard.now_ms if is_number(data.phiguard.now_ms)

# `importedCertificate(props, report)`: {"evs": the unknown read or the report, "cert"?: the
# certificate {"valid_to", "valid_to_ms", "key": {"type": "rsa"|"ec"|"other", "bits", "curve"}}}.
# String(body) runs inside the TypeScript helper's try block, so an unknown element of an array
# body is reported as "not a PEM-encoded X.509 certificate", not as unverifiable.
edge_imported_certificate(r) := {"evs": unk(body)} if {
	body := edge_prop(r, ["certificateBody"])
	body.k == "unk"
} else := {"evs": [], "cert": cert} if {
	text := edge_string(edge_prop(r, ["certificateBody"]))
	count(text.evs) == 0
	cert := edge_parse_certificate(text.t)
} else := {"evs": [{"m": "certificateBody is not a PEM-encoded X.509 certificate, so it cannot be checked."}]}

edge_parse_certificate(pem) := cert if {
	bytes := edge_pem_bytes(pem)
	cert := _edge_certificate(bytes)
}

# The bytes of the first PEM block OpenSSL reads as a certificate: BEGIN and END lines of the same
# name (CERTIFICATE, X509 CERTIFICATE or TRUSTED CERTIFICATE) on lines of their own.
edge_pem_bytes(pem) := bytes if {
	blocks := [[i, m[1]] |
		some label in ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]
		some m in regex.find_all_string_submatch_n(concat("", ["(?s)(?:^|\\n)-----BEGIN ", label, "-----\\r?\\n(.*?)\\n-----END ", label, "-----(?:\\r?\\n|$)"]), pem, 1)
		i := indexof(pem, m[0])
	]
	count(blocks) > 0
	body := min(blocks)[1]
	regex.match(`^[A-Za-z0-9+/=\s]*$`, body)
	chars := [m[0] | some m in regex.find_all_string_submatch_n(`[A-Za-z0-9+/=]`, body, -1)]
	count(chars) > 0
	count(chars) % 4 == 0
	bytes := _edge_base64(chars)
}

_edge_b64_alphabet := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

_edge_b64_value := {c: i | some i, c in split(_edge_b64_alphabet, "")}

_edge_base64(chars) := bytes if {
	padding := count([c | some c in array.slice(chars, count(chars) - 2, count(chars)); c == "="])
	payload := array.slice(chars, 0, count(chars) - padding)
	every c in payload {
		_ = _edge_b64_value[c]
	}
	values := [_edge_b64_value[c] | some c in payload]
	n := count(values)
	bytes := [b |
		some i in numbers.range(0, floor((n * 6) / 8) - 1)
		b := _edge_b64_byte(values, i)
	]
}

# Byte i of the 6-bit values: bits 8i..8i+7.
_edge_b64_byte(values, i) := b if {
	bit := i * 8
	k := floor(bit / 6)
	offset := bit % 6
	hi := values[k]
	lo := _edge_value_or_zero(values, k + 1)
	pair := (hi * 64) + lo
	b := bits.and(bits.rsh(pair, 4 - offset), 255)
}

_edge_value_or_zero(values, i) := values[i] if {
	i < count(values)
} else := 0

# A DER element at pos: {"tag", "start" (of the contents), "end"}.
edge_der(bytes, pos) := {"tag": bytes[pos], "start": pos + 2, "end": (pos + 2) + bytes[pos + 1]} if {
	bytes[pos + 1] < 128
} else := {"tag": bytes[pos], "start": (pos + 2) + k, "end": ((pos + 2) + k) + _edge_der_length(bytes, pos + 2, k)} if {
	k := bytes[pos + 1] - 128
	k >= 1
	k <= 3
}

_edge_der_length(bytes, pos, 1) := bytes[pos]

_edge_der_length(bytes, pos, 2) := (bytes[pos] * 256) + bytes[pos + 1]

_edge_der_length(bytes, pos, 3) := ((bytes[pos] * 65536) + (bytes[pos + 1] * 256)) + bytes[pos + 2]

_edge_der_at(bytes, pos, tags) := e if {
	pos < count(bytes)
	e := edge_der(bytes, pos)
	e.tag in tags
	e.end <= count(bytes)
}

_edge_certificate(bytes) := {"valid_to": valid_to.text, "valid_to_ms": valid_to.ms, "key": key} if {
	cert := _edge_der_at(bytes, 0, {48})
	cert.end == count(bytes)
	tbs := _edge_der_at(bytes, cert.start, {48})
	tbs.end <= cert.end
	serial_at := _edge_after_version(bytes, tbs.start)
	serial := _edge_der_at(bytes, serial_at, {2})
	signature := _edge_der_at(bytes, serial.end, {48})
	issuer := _edge_der_at(bytes, signature.end, {48})
	validity := _edge_der_at(bytes, issuer.end, {48})
	not_before := _edge_der_at(bytes, validity.start, {23, 24})
	not_after := _edge_der_at(bytes, not_before.end, {23, 24})
	not_after.end == validity.end
	_ = edge_der_time(bytes, not_before)
	valid_to := edge_der_time(bytes, not_after)
	subject := _edge_der_at(bytes, validity.end, {48})
	spki := _edge_der_at(bytes, subject.end, {48})
	spki.end <= tbs.end
	key := _edge_public_key(bytes, spki)
}

_edge_after_version(bytes, pos) := version.end if {
	bytes[pos] == 160
	version := _edge_der_at(bytes, pos, {160})
} else := pos

_edge_rsa_oid := [42, 134, 72, 134, 247, 13, 1, 1, 1]

_edge_ec_oid := [42, 134, 72, 206, 61, 2, 1]

_edge_curves := {
	"prime256v1": [42, 134, 72, 206, 61, 3, 1, 7],
	"prime192v1": [42, 134, 72, 206, 61, 3, 1, 1],
	"secp384r1": [43, 129, 4, 0, 34],
	"secp521r1": [43, 129, 4, 0, 35],
	"secp224r1": [43, 129, 4, 0, 33],
	"secp256k1": [43, 129, 4, 0, 10],
}

_edge_public_key(bytes, spki) := {"type": type, "bits": bits_of, "curve": curve} if {
	algorithm := _edge_der_at(bytes, spki.start, {48})
	oid := _edge_der_at(bytes, algorithm.start, {6})
	key_bits := _edge_der_at(bytes, algorithm.end, {3})
	key_bits.end == spki.end
	oid_bytes := array.slice(bytes, oid.start, oid.end)
	type := _edge_key_type(oid_bytes)
	bits_of := _edge_rsa_bits(bytes, key_bits, type)
	curve := _edge_curve(bytes, oid, algorithm, type)
}

_edge_key_type(oid) := "rsa" if {
	oid == _edge_rsa_oid
} else := "ec" if {
	oid == _edge_ec_oid
} else := "other"

_edge_rsa_bits(bytes, key_bits, "rsa") := n if {
	sequence := _edge_der_at(bytes, key_bits.start + 1, {48})
	modulus := _edge_der_at(bytes, sequence.start, {2})
	significant := [i | some i in numbers.range(modulus.start, modulus.end - 1); bytes[i] != 0]
	count(significant) > 0
	first := min(significant)
	n := (((modulus.end - first) - 1) * 8) + _edge_bit_length(bytes[first])
}

_edge_rsa_bits(_, _, type) := 0 if type != "rsa"

_edge_bit_length(b) := count([i | some i in numbers.range(0, 7); bits.rsh(b, i) > 0])

_edge_curve(bytes, oid, algorithm, "ec") := name if {
	params := _edge_der_at(bytes, oid.end, {6})
	params.end <= algorithm.end
	curve := array.slice(bytes, params.start, params.end)
	some name, c in _edge_curves
	c == curve
} else := "?"

_edge_curve(_, _, _, type) := "" if type != "ec"

# A UTCTime or GeneralizedTime: {"text": as Node's validTo writes it, "ms": Date.parse of it}.
edge_der_time(bytes, e) := {"text": text, "ms": ms} if {
	digits := [d | some i in numbers.range(e.start, e.end - 2); d := bytes[i] - 48]
	bytes[e.end - 1] == 90
	every d in digits {
		d >= 0
		d <= 9
	}
	fields := _edge_time_fields(digits, e.tag)
	[year, month, day, hour, minute, second] := fields
	month >= 1
	month <= 12
	day >= 1
	day <= 31
	hour <= 23
	minute <= 59
	second <= 59
	text := concat("", [
		_edge_months[month - 1], " ", _edge_pad(day, " "), " ",
		_edge_pad(hour, "0"), ":", _edge_pad(minute, "0"), ":", _edge_pad(second, "0"), " ",
		format_int(year, 10), " GMT",
	])
	ms := ((((((edge_days_from_civil(year, month, day) * 24) + hour) * 60) + minute) * 60) + second) * 1000
}

_edge_time_fields(d, 23) := [year, _edge_num(d, 2), _edge_num(d, 4), _edge_num(d, 6), _edge_num(d, 8), _edge_num(d, 10)] if {
	count(d) == 12
	yy := _edge_num(d, 0)
	year := _edge_century(yy)
}

_edge_time_fields(d, 24) := [(_edge_num(d, 0) * 100) + _edge_num(d, 2), _edge_num(d, 4), _edge_num(d, 6), _edge_num(d, 8), _edge_num(d, 10), _edge_num(d, 12)] if {
	count(d) == 14
}

_edge_century(yy) := 1900 + yy if {
	yy >= 50
} else := 2000 + yy

_edge_num(d, i) := (d[i] * 10) + d[i + 1]

_edge_pad(n, fill) := concat("", [fill, format_int(n, 10)]) if {
	n < 10
} else := format_int(n, 10)

_edge_months := ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Days since 1970-01-01 of a proleptic Gregorian date (years 0 and later).
edge_days_from_civil(year, month, day) := days if {
	y := year - _edge_before_march(month)
	era := floor(y / 400)
	yoe := y - (era * 400)
	doy := floor(((153 * _edge_shifted_month(month)) + 2) / 5) + (day - 1)
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	days := ((era * 146097) + doe) - 719468
}

_edge_before_march(month) := 1 if {
	month <= 2
} else := 0

_edge_shifted_month(month) := month - 3 if {
	month > 2
} else := month + 9
