# What the network, EC2, Backup, Secrets Manager and SSM rules share (the Rego twin of
# policies/hipaa/rules/aws/lib/{network,ec2,backup,props,stack}.ts where those rules need it).
package phiguard

import rego.v1

net_vpc_type := "aws:ec2/vpc:Vpc"

net_default_sg_type := "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"

net_instance_type := "aws:ec2/instance:Instance"

net_launch_template_type := "aws:ec2/launchTemplate:LaunchTemplate"

net_launch_configuration_type := "aws:ec2/launchConfiguration:LaunchConfiguration"

net_launch_types := {net_instance_type, net_launch_template_type, net_launch_configuration_type}

net_backup_plan_type := "aws:backup/plan:Plan"

net_security_group_types := {
	"aws:ec2/securityGroup:SecurityGroup",
	net_default_sg_type,
	"aws:ec2/securityGroupRule:SecurityGroupRule",
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
}

net_network_acl_types := {
	"aws:ec2/networkAcl:NetworkAcl",
	"aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
	"aws:ec2/networkAclRule:NetworkAclRule",
}

# `launchKind(type)`.
net_launch_kind(type) := "launch template" if {
	type == net_launch_template_type
} else := "launch configuration" if {
	type == net_launch_configuration_type
} else := "instance"

# The instance takes the setting from its launch template (args.notApplicable):
# `type === INSTANCE && hasValue(props, "launchTemplate") && !hasValue(props, key)`.
net_from_launch_template(r, key) if {
	r.type == net_instance_type
	aws_has_value(r.props, "launchTemplate")
	not aws_has_value(r.props, key)
}

# `listing(items)`: numbers as they are, strings quoted; "a, b and c".
net_listing(items) := concat("", quoted) if {
	quoted := [_net_quoted(x) | some x in items]
	count(quoted) <= 1
} else := concat("", [concat(", ", array.slice(quoted, 0, count(quoted) - 1)), " and ", quoted[count(quoted) - 1]]) if {
	quoted := [_net_quoted(x) | some x in items]
}

_net_quoted(x) := num_text(x) if {
	is_number(x)
} else := concat("", ["'", js_string(x), "'"])

# `isTrue(value)` of a read: true or "true".
net_is_true(s) if is_val(s, true)

net_is_true(s) if is_val(s, "true")

# Is the read's value truthy in JavaScript?
net_truthy(s) if {
	s.k == "val"
	not s.v in {null, false, 0, ""}
}

# `String(value)` of a value read through the proxy: {"evs", "t"}. Joining an array reads its
# elements (and those of nested arrays), so an unknown one ends the rule.
net_str(s) := {"evs": unk(s), "t": ""} if {
	s.k == "unk"
} else := {"evs": [{"u": concat(".", array.concat(s.p, [format_int(k, 10) | some k in first])), "s": secret_flag(_value_at(s.v, first)), "o": s.o}], "t": ""} if {
	s.k == "val"
	is_array(s.v)
	first := min({p | walk(s.v, [p, x]); count(p) > 0; _net_all_numbers(p); is_unknown(x)})
} else := {"evs": [], "t": net_js_text(s.v)} if {
	s.k == "val"
} else := {"evs": [], "t": "undefined"}

# `String(value ?? dflt)` of a read.
net_str_or(s, dflt) := {"evs": [], "t": dflt} if {
	s.k == "none"
} else := {"evs": [], "t": dflt} if {
	is_val(s, null)
} else := net_str(s)

_net_all_numbers(p) if {
	every k in p {
		is_number(k)
	}
}

# JavaScript's String(value), nested arrays joined too.
net_js_text(v) := concat(",", [_net_element_text(x) | some x in v]) if {
	is_array(v)
} else := js_string(v)

_net_element_text(x) := concat(",", [_js_scalar(y) | some y in x]) if {
	is_array(x)
} else := _js_scalar(x)

# `arrayOf(value)` of a read: {"evs": the read's unknown event, "items": [{"i", "evs", "s"}]}, each
# item with its own read (an element of a proxied array is read, so it may be unknown).
net_array_of(s) := {"evs": unk(s), "items": []} if {
	s.k == "unk"
} else := {"evs": [], "items": []} if {
	s.k == "none"
} else := {"evs": [], "items": []} if {
	s.v == null
} else := {"evs": [], "items": [{"i": item.i, "evs": item_evs(item), "s": item_read(item)} | some item in elements(s).all]} if {
	is_array(s.v)
} else := {"evs": [], "items": [{"i": 0, "evs": [], "s": s}]}

# The values of `[...arrayOf(value)]` (every element read): {"evs", "v"}.
net_spread(s) := {"evs": array.slice(evs, 0, 1), "v": [item.s.v | some item in arr.items]} if {
	arr := net_array_of(s)
	evs := array.concat(arr.evs, [e | some item in arr.items; some e in item.evs])
}

# `knownStrings(obj, key)`.
net_known_strings(obj, key) := [x | some x in obj[key]; is_string(x)] if {
	is_object(obj)
	is_array(obj[key])
} else := [obj[key]] if {
	is_object(obj)
	is_string(obj[key])
} else := []

# --- Inbound permissions (lib/network.ts) ------------------------------------------------------

net_world_cidrs := {"0.0.0.0/0", "::/0"}

net_admin_ports := [20, 21, 22, 23, 445, 1433, 1521, 2375, 2376, 3306, 3389, 4333, 5432, 5439, 5985, 5986, 6379, 9200, 11211, 27017]

_net_protocol_names := {"6": "tcp", "17": "udp", "1": "icmp", "all": "-1"}

# `fromBlock(block, where, protocolKey, cidrs)` of a block read, the cidrs read first (as the
# arguments are): {"evs": the first unknown read, "ingress": {"protocol", "from", "to", "cidrs", "where"}}.
net_from_block(block, where, protocol_key, cidr_keys) := {"evs": array.slice(evs, 0, 1), "ingress": ingress} if {
	c1 := net_spread(rd_key(block, cidr_keys[0]))
	c2 := net_spread(rd_key(block, cidr_keys[1]))
	proto := rd_key(block, protocol_key)
	text := net_str_or(proto, "-1")
	protocol := _net_protocol(lower(text.t))
	from := rd_key(block, "fromPort")
	to := rd_key(block, "toPort")
	ports := _net_ports(protocol, from, to)
	evs := array.concat(array.concat(c1.evs, c2.evs), array.concat(text.evs, ports.evs))
	ingress := {"protocol": protocol, "from": ports.from, "to": ports.to, "cidrs": array.concat(c1.v, c2.v), "where": where}
}

_net_protocol(text) := _net_protocol_names[text] if {
	_ = _net_protocol_names[text]
} else := text

_net_ports("-1", _, _) := {"evs": [], "from": 0, "to": 65535}

_net_ports(protocol, from, to) := {"evs": array.concat(unk(from), unk(to)), "from": _net_num(from, 0), "to": _net_num(to, 65535)} if protocol != "-1"

_net_num(s, _) := s.v if {
	s.k == "val"
	is_number(s.v)
}

_net_num(s, dflt) := dflt if {
	not _net_is_number(s)
}

_net_is_number(s) if {
	s.k == "val"
	is_number(s.v)
}

# A list of block results as {"evs": the first unknown read, "list": [ingress]}.
_net_ingress_of(evs, blocks) := {"evs": array.slice(all, 0, 1), "list": [b.ingress | some b in blocks; b.ingress]} if {
	all := array.concat(evs, [e | some b in blocks; some e in b.evs])
}

# `securityGroupIngress(type, props)`: every read happens before a rule reports.
net_security_group_ingress(r) := _net_ingress_of(arr.evs, [_net_sg_block(item) | some item in arr.items]) if {
	r.type in {"aws:ec2/securityGroup:SecurityGroup", net_default_sg_type}
	arr := net_array_of(aws_prop(r, ["ingress"]))
} else := {"evs": unk(t), "list": []} if {
	r.type == "aws:ec2/securityGroupRule:SecurityGroupRule"
	t := aws_prop(r, ["type"])
	not is_val(t, "ingress")
} else := _net_ingress_of([], [net_from_block(val(r.props, props_at(r)), "rule", "protocol", ["cidrBlocks", "ipv6CidrBlocks"])]) if {
	r.type == "aws:ec2/securityGroupRule:SecurityGroupRule"
} else := _net_ingress_of([], [net_from_block(val(r.props, props_at(r)), "rule", "ipProtocol", ["cidrIpv4", "cidrIpv6"])]) if {
	r.type == "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
} else := {"evs": [], "list": []}

_net_sg_block(item) := {"evs": item.evs} if {
	count(item.evs) > 0
} else := net_from_block(item.s, concat("", ["ingress[", format_int(item.i, 10), "]"]), "protocol", ["cidrBlocks", "ipv6CidrBlocks"])

# `networkAclIngress(type, props)`: the inbound allow entries.
net_network_acl_ingress(r) := _net_ingress_of(arr.evs, [_net_acl_block(item) | some item in arr.items]) if {
	r.type in {"aws:ec2/networkAcl:NetworkAcl", "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl"}
	arr := net_array_of(aws_prop(r, ["ingress"]))
} else := _net_acl_rule(r) if {
	r.type == "aws:ec2/networkAclRule:NetworkAclRule"
} else := {"evs": [], "list": []}

_net_acl_block(item) := {"evs": item.evs} if {
	count(item.evs) > 0
} else := {"evs": array.concat(unk(action), action_text.evs)} if {
	action := rd_key(item.s, "action")
	action_text := net_str(action)
	count(array.concat(unk(action), action_text.evs)) > 0
} else := {"evs": []} if {
	lower(net_str(rd_key(item.s, "action")).t) != "allow"
} else := net_from_block(item.s, concat("", ["ingress[", format_int(item.i, 10), "]"]), "protocol", ["cidrBlock", "ipv6CidrBlock"])

_net_acl_rule(r) := {"evs": unk(egress), "list": []} if {
	egress := aws_prop(r, ["egress"])
	egress.k == "unk"
} else := {"evs": [], "list": []} if {
	is_val(aws_prop(r, ["egress"]), true)
} else := {"evs": array.concat(unk(action), text.evs), "list": []} if {
	action := aws_prop(r, ["ruleAction"])
	text := net_str(action)
	count(array.concat(unk(action), text.evs)) > 0
} else := {"evs": [], "list": []} if {
	lower(net_str(aws_prop(r, ["ruleAction"])).t) != "allow"
} else := _net_ingress_of([], [net_from_block(val(r.props, props_at(r)), "rule", "protocol", ["cidrBlock", "ipv6CidrBlock"])])

# `opensPort(ingress, port)`.
net_opens_port(ingress, _) if ingress.protocol == "-1"

net_opens_port(ingress, port) if {
	ingress.protocol in {"tcp", "udp"}
	port >= ingress.from
	port <= ingress.to
}

# `isOpenToWorld(ingress)`.
net_open_to_world(ingress) if {
	some c in ingress.cidrs
	is_string(c)
	c in net_world_cidrs
}

# `describePorts(ingress)`.
net_describe_ports(ingress) := "all traffic" if {
	ingress.protocol == "-1"
} else := concat("", [ingress.protocol, " port ", num_text(ingress.from)]) if {
	ingress.from == ingress.to
} else := concat("", [ingress.protocol, " ports ", num_text(ingress.from), "-", num_text(ingress.to)])

# The admin-port violations of a list of inbound permissions: `<where> allows <ports> from the
# internet, including <prefix>port(s) <listing>.`
net_open_ports_events(ingress, ports, prefix) := array.concat(ingress.evs, [{"m": concat("", [
	i.where, " allows ", net_describe_ports(i), " from the internet, including ", prefix,
	_net_plural("port", open), " ", net_listing(open), ".",
])} |
	count(ingress.evs) == 0
	some i in ingress.list
	net_open_to_world(i)
	open := [p | some p in ports; net_opens_port(i, p)]
	count(open) > 0
])

_net_plural(word, items) := concat("", [word, "s"]) if {
	count(items) > 1
} else := word

# --- AWS Backup schedules (lib/backup.ts) ------------------------------------------------------

# `scheduleIntervalHours(schedule)`, undefined when it cannot be read.
net_schedule_interval_hours(schedule) := n / 60 if {
	m := _net_rate(schedule)
	startswith(m[2], "minute")
	n := to_number(m[1])
} else := to_number(m[1]) if {
	m := _net_rate(schedule)
	startswith(m[2], "hour")
} else := to_number(m[1]) * 24 if {
	m := _net_rate(schedule)
} else := 24 if {
	fields := net_cron_fields(schedule)
	count(fields) == 6
	fields[2] in {"*", "?"}
	fields[3] in {"*", "?"}
	fields[4] in {"*", "?"}
}

_net_rate(schedule) := [m[0], m[1], lower(m[2])] if {
	m := regex.find_all_string_submatch_n(`^(?i)rate\(([0-9]+)\s+(minute|minutes|hour|hours|day|days)\)$`, trim_space(schedule), 1)[0]
}

# The fields of a `cron(...)` expression, split at whitespace.
net_cron_fields(expression) := [f[0] | some f in regex.find_all_string_submatch_n(`\S+`, trim_space(m[1]), -1)] if {
	m := regex.find_all_string_submatch_n(`^(?i)cron\((.*)\)$`, trim_space(expression), 1)[0]
}

# JavaScript's ToNumber (for `<` and `>`), arrays joined as String() joins them.
net_js_number(v) := x if {
	is_array(v)
	x := _js_number_of_string(net_js_text(v))
} else := js_number(v) if {
	not is_array(v)
}

# `String(n / 24)` for a non-negative integer n, as JavaScript prints it: the exact quotient, its
# repeating decimals cut at 16 significant digits (rounded). Digit by digit, in small integers, since
# the wasm build's format_int fails on large or fractional numbers.
net_div24_text(n) := net_int_text((n - (n % 24)) / 24) if {
	n % 24 == 0
} else := _net_div24_decimal(net_int_text((n - (n % 24)) / 24), n % 24)

_net_div24_decimal(whole, r) := whole if {
	count(whole) >= 16
} else := _net_join_decimal(whole, _net_div24_fraction(whole, r, _net_div24_significant(whole) - count(whole)))

# JavaScript prints the shortest decimal that reads back as the same double: for these repeating
# quotients 17 significant digits in the lower part of each decade's binary exponents, else 16
# (checked against JavaScript for n up to 3,000,000).
_net_div24_significant(whole) := 17 if {
	count(whole) >= 3
	to_number(whole) < _net_div24_threshold(count(whole))
} else := 16

_net_div24_threshold(3) := 256

_net_div24_threshold(4) := 4096

_net_div24_threshold(5) := 65536

_net_div24_threshold(6) := 1048576

_net_div24_threshold(l) := 100000000000000000000 if l > 6

# The first k decimals of the double nearest n / 24 (whole + r / 24): the double lies a third
# of its ulp 2^(e-52) below or above the quotient, by (n * 2^(49-e)) mod 3.
_net_div24_fraction(whole, r, k) := trim_right(concat("", [substring("00000000000000000000", 0, k - count(digits)), digits]), "0") if {
	w := to_number(whole)
	e := count([j | some j in numbers.range(1, 62); _net_pow2(j) <= w])
	side := ((((w * 24) + r) % 3) * _net_pow2_mod3(49 - e)) % 3
	scale := _net_pow10(k)
	offset := scale / (3 * _net_pow2(52 - e))
	units := ((r * scale) / 24) + (_net_div24_sign(side) * offset)
	digits := net_int_text(round(units))
}

# format_int for a non-negative integer below 10^21, in pieces of 7 digits (the wasm build's
# format_int fails from 2^32 on).
net_int_text(x) := concat("", [format_int(high, 10), _net_pad7(middle), _net_pad7(low)]) if {
	high := floor(x / 100000000000000)
	high > 0
	middle := floor((x - (high * 100000000000000)) / 10000000)
	low := (x - (high * 100000000000000)) - (middle * 10000000)
} else := concat("", [format_int(middle, 10), _net_pad7(low)]) if {
	middle := floor(x / 10000000)
	middle > 0
	low := x - (middle * 10000000)
} else := format_int(x, 10)

_net_pad7(x) := concat("", [substring("0000000", 0, 7 - count(text)), text]) if {
	text := format_int(x, 10)
}

_net_div24_sign(1) := -1

_net_div24_sign(2) := 1

_net_div24_sign(0) := 0

_net_pow2(j) := product([2 | some _ in numbers.range(1, j)]) if {
	j > 0
} else := 1

_net_pow10(j) := product([10 | some _ in numbers.range(1, j)]) if {
	j > 0
} else := 1

_net_pow2_mod3(j) := 1 if {
	j % 2 == 0
} else := 2

_net_join_decimal(whole, "") := whole

_net_join_decimal(whole, fraction) := concat(".", [whole, fraction]) if fraction != ""
