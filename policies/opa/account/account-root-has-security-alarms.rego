package phiguard

import rego.v1

# METADATA
# title: account-root-has-security-alarms
# description: "An account-root stack alarms on the security events reviewers must see (the CIS AWS Foundations Benchmark monitoring set: root account use, unauthorized API calls, console sign-in without MFA, IAM policy, CloudTrail, AWS Config, KMS key, security group, NACL, network gateway, route table, VPC, S3 bucket policy and AWS Organizations changes, console authentication failures): CloudWatch metric filters on the log group a CloudTrail trail delivers to, each with an alarm that notifies someone."
stack_deny_account_root_has_security_alarms contains msg if some msg in analyzer_stack_messages("account-root-has-security-alarms")

# The Rego twin of account-root-has-security-alarms.ts with its CloudWatch Logs filter pattern
# evaluator (account/lib/filter-pattern.ts) and security signals (account/lib/security-signals.ts,
# whose probe events are rebuilt below from the same two CloudTrail record templates). Limits of
# this port, far beyond any real pattern: parentheses nest at most 16 deep and selectors have at
# most 8 steps (deeper ones never match), and character positions in messages count code points
# (JavaScript counts UTF-16 units, which differ only after characters outside the BMP).

_acct_alarms_id := "account-root-has-security-alarms"

_acct_log_group_type := "aws:cloudwatch/logGroup:LogGroup"

_acct_filter_type := "aws:cloudwatch/logMetricFilter:LogMetricFilter"

_acct_alarm_type := "aws:cloudwatch/metricAlarm:MetricAlarm"

_acct_trail_type := "aws:cloudtrail/trail:Trail"

account_root_has_security_alarms := _acct_alarms_events if {
	acct_account_root
} else := []

_acct_alarms_events := [acct_stack_violation("no CloudTrail trail of the stack delivers to a CloudWatch log group (cloudWatchLogsGroupArn), so no metric filter can watch the account's API activity.")] if {
	count(_acct_watched_urns) == 0
	count(_acct_watched_names) == 0
} else := [] if {
	count(_acct_alarms_missing) == 0
} else := [_acct_alarms_unknown] if {
	_ = _acct_alarms_unknown
} else := [acct_stack_violation(concat("", [
	"no alarmed metric filter on the trail's log group matches: ",
	concat("; ", [concat("", [s.title, " [", s.id, "; ", s.cis, "]"]) | some s in _acct_alarms_missing]),
	". A filter counts when an alarm with alarmActions watches its metric (metricTransformation) and its pattern matches the event but not routine activity.",
	_acct_alarms_unread,
]))]

_acct_alarms_unread := "" if {
	count(_acct_alarms_unreadable) == 0
} else := concat("", [" phiguard could not read the patterns of ", concat("; ", _acct_alarms_unreadable), ": parenthesise them, or waive this finding with a reason if they cover the events."])

# --- the log groups CloudTrail trails deliver to (`trailLogGroups`) ---------------------------

_acct_trail_groups := [g |
	some trail in resources_of_type(_acct_trail_type)
	some g in parents_of(trail, "cloudWatchLogsGroupArn", _acct_log_group_type, [])
]

_acct_trail_literal_names := {m[1] |
	some trail in resources_of_type(_acct_trail_type)
	literal := trail.props.cloudWatchLogsGroupArn
	is_string(literal)
	some m in regex.find_all_string_submatch_n(`:log-group:(.+?)(?::\*)?$`, literal, 1)
}

_acct_watched_urns := {g.urn | some g in _acct_trail_groups} | {g.urn |
	some g in resources_of_type(_acct_log_group_type)
	g.props.name in _acct_trail_literal_names
}

_acct_watched_names := {name |
	some g in _acct_trail_groups
	name := g.props.name
	is_string(name)
	name != ""
} | _acct_trail_literal_names

_acct_on_watched_group(f) if {
	some u in object.get(f.pdeps, "logGroupName", [])
	u in _acct_watched_urns
}

_acct_on_watched_group(f) if {
	literal := f.props.logGroupName
	is_string(literal)
	literal in _acct_watched_names
}

# --- the metric filters, each checked on its own (`forEachDeferred`) ----------------------------

_acct_filter_results := [_acct_filter_result(f) | some f in resources_of_type(_acct_filter_type); _acct_on_watched_group(f)]

_acct_alarms_unknown := _acct_filter_results[i].evs[0] if {
	i := min({j | some j, r in _acct_filter_results; count(r.evs) > 0})
}

_acct_alarms_usable := [r.parsed | some r in _acct_filter_results; r.kind == "usable"]

_acct_alarms_unreadable := [concat("", [r.name, " (", r.error, ")"]) | some r in _acct_filter_results; r.kind == "unreadable"]

# {"evs": the unknown read that ended it, "kind": "skip" | "unreadable" | "usable", ...}.
_acct_filter_result(f) := {"evs": alarmed.evs, "kind": "skip"} if {
	alarmed := first_hit(_acct_alarm_steps(f))
	count(alarmed.evs) > 0
} else := {"evs": [], "kind": "skip"} if {
	not first_hit(_acct_alarm_steps(f)).v
} else := {"evs": unk(pattern), "kind": "skip"} if {
	pattern := acct_prop(f, ["pattern"])
	pattern.k == "unk"
} else := _acct_filter_parsed(f, _acct_parse(_acct_text(acct_prop(f, ["pattern"]))))

_acct_text(read) := read.v if {
	read.k == "val"
	is_string(read.v)
} else := ""

_acct_filter_parsed(f, parsed) := {"evs": [], "kind": "unreadable", "name": f.name, "error": parsed.error} if {
	parsed.error
} else := _acct_filter_matching(_acct_matched_probes(parsed))

# A filter that matches routine activity covers nothing; otherwise it covers the probes it matches.
_acct_filter_matching(matched) := {"evs": [], "kind": "skip"} if {
	some id in _acct_routine_ids
	id in matched
} else := {"evs": [], "kind": "usable", "parsed": matched}

# `transformations.some((t) => alarms.some((a) => notifies(a) && a.props.metricName === t.name &&
# a.props.namespace === t.namespace))`, as one list of steps ({"evs", "v"}) in evaluation order.
_acct_alarm_steps(f) := [{"evs": unk(mt), "v": false}] if {
	mt := acct_prop(f, ["metricTransformation"])
	mt.k == "unk"
} else := [step |
	some t in _acct_transformations(acct_prop(f, ["metricTransformation"]))
	some step in _acct_transformation_steps(t)
]

# `arrayOf(value)`: [] for undefined and null, the elements of an array, else the value.
_acct_transformations(mt) := [] if {
	mt.k != "val"
} else := [] if {
	mt.v == null
} else := elements(mt).all if {
	is_array(mt.v)
} else := [{"i": 0, "v": mt.v, "o": mt.o, "p": mt.p, "u": false}]

_acct_transformation_steps(t) := [{"evs": [item_u(t)], "v": false}] if {
	t.u
} else := [_acct_alarm_step(item_read(t), a) | some a in resources_of_type(_acct_alarm_type)]

_acct_alarm_step(t, a) := {"evs": unk(enabled), "v": false} if {
	enabled := acct_prop(a, ["actionsEnabled"])
	enabled.k == "unk"
} else := {"evs": [], "v": false} if {
	is_val(acct_prop(a, ["actionsEnabled"]), false)
} else := {"evs": unk(actions), "v": false} if {
	actions := acct_prop(a, ["alarmActions"])
	actions.k == "unk"
} else := {"evs": [], "v": false} if {
	aws_array_length(acct_prop(a, ["alarmActions"])) == 0
} else := _acct_same_step(acct_prop(a, ["metricName"]), rd_key(t, "name"), a, t)

_acct_same_step(x, y, a, t) := {"evs": unk(x), "v": false} if {
	x.k == "unk"
} else := {"evs": unk(y), "v": false} if {
	y.k == "unk"
} else := {"evs": [], "v": false} if {
	not _acct_same(x, y)
} else := {"evs": unk(ns), "v": false} if {
	ns := acct_prop(a, ["namespace"])
	ns.k == "unk"
} else := {"evs": unk(tns), "v": false} if {
	tns := rd_key(t, "namespace")
	tns.k == "unk"
} else := {"evs": [], "v": _acct_same_bool(acct_prop(a, ["namespace"]), rd_key(t, "namespace"))}

# `x === y` of two reads (objects are never the same object).
_acct_same(x, y) if {
	x.k == "none"
	y.k == "none"
}

_acct_same(x, y) if {
	x.k == "val"
	y.k == "val"
	not is_object(x.v)
	not is_array(x.v)
	x.v == y.v
}

_acct_same_bool(x, y) if {
	_acct_same(x, y)
} else := false

# --- the signals that no usable filter covers -----------------------------------------------

_acct_alarms_missing := [s |
	wanted := {e | some e in config(_acct_alarms_id, "events", [s.id | some s in _acct_signals])}
	some s in _acct_signals
	s.id in wanted
	not _acct_covered(s)
]

_acct_covered(s) if {
	every id in s.probes {
		some matched in _acct_alarms_usable
		id in matched
	}
}

# --- CloudWatch Logs JSON filter patterns (`parseFilterPattern`, `matchesFilterPattern`) --------

_acct_ws := `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

# One alternative per token kind, in the order the tokenizer tries them: whitespace, && || !=,
# { } ( ) =, a selector, a quoted string, an unterminated one, a bare word, anything else.
_acct_token_re := concat("", [
	"([", _acct_ws, "])|",
	`(&&|\|\||!=)|`,
	`([{}()=])|`,
	`(\$(?:\.[A-Za-z0-9_-]+|\[[0-9]+\])*)|`,
	`("(?:[^"\\]|\\[\s\S])*")|`,
	`("[\s\S]*)|`,
	"([^", _acct_ws, `(){}&|=!"]+)|`,
	`([\s\S])`,
])

# `text.trim()`.
_acct_trim(text) := m[1] if {
	some m in regex.find_all_string_submatch_n(concat("", ["^[", _acct_ws, "]*([\\s\\S]*?)[", _acct_ws, "]*$"]), text, 1)
} else := text

# JSON.stringify of a string.
_acct_json(text) := concat("", ["\"", strings.replace_n({"\u0000": "\\u0000", "\u0001": "\\u0001", "\u0002": "\\u0002", "\u0003": "\\u0003", "\u0004": "\\u0004", "\u0005": "\\u0005", "\u0006": "\\u0006", "\u0007": "\\u0007", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\u000b": "\\u000b", "\f": "\\f", "\r": "\\r", "\u000e": "\\u000e", "\u000f": "\\u000f", "\u0010": "\\u0010", "\u0011": "\\u0011", "\u0012": "\\u0012", "\u0013": "\\u0013", "\u0014": "\\u0014", "\u0015": "\\u0015", "\u0016": "\\u0016", "\u0017": "\\u0017", "\u0018": "\\u0018", "\u0019": "\\u0019", "\u001a": "\\u001a", "\u001b": "\\u001b", "\u001c": "\\u001c", "\u001d": "\\u001d", "\u001e": "\\u001e", "\u001f": "\\u001f", "\"": "\\\"", "\\": "\\\\"}, text), "\""])

# {"error": message} or {"template": [piece]}: a piece is a string ("(", ")", "&", "|") or
# {"c": condition}; the pattern's value is the template reduced (see _acct_matches).
_acct_parse(pattern) := {"error": concat("", ["the filter pattern ", _acct_json(pattern), " is not a JSON filter pattern; expected `{ $.property = \"value\" ... }` (space-delimited and regular-expression patterns are outside the supported subset)"])} if {
	not _acct_braced(_acct_trim(pattern))
} else := _acct_parse_tokens(pattern, _acct_trim(pattern), regex.find_all_string_submatch_n(_acct_token_re, _acct_trim(pattern), -1))

_acct_braced(trimmed) if {
	startswith(trimmed, "{")
	endswith(trimmed, "}")
}

_acct_parse_tokens(pattern, trimmed, pieces) := {"error": concat("", [_acct_token_error(trimmed, pieces, k), " of the filter pattern ", _acct_json(trimmed)])} if {
	k := min({j | some j, m in pieces; _acct_bad_piece(m)})
} else := _acct_parse_syntax(pattern, pieces, _acct_tokens(pieces))

_acct_bad_piece(m) if m[4] == "$"

_acct_bad_piece(m) if m[6] != ""

_acct_bad_piece(m) if m[8] != ""

_acct_token_error(trimmed, pieces, k) := concat("", ["a selector without a property (expected `$.name`) at character ", format_int(_acct_at(pieces, k) + 2, 10)]) if {
	pieces[k][4] == "$"
} else := concat("", ["an unterminated quoted string at character ", format_int(count(trimmed) + 1, 10)]) if {
	pieces[k][6] != ""
} else := concat("", ["an unsupported character ", _acct_json(pieces[k][8]), " at character ", format_int(_acct_at(pieces, k) + 1, 10)])

# Where piece k starts (0-based).
_acct_at(pieces, k) := sum([count(m[0]) | some m in array.slice(pieces, 0, k)])

# The tokens (whitespace dropped), then an end marker: {"type", "text", "k": piece index}.
_acct_tokens(pieces) := array.concat(
	[_acct_token(m, k) | some k, m in pieces; m[1] == ""],
	[{"type": "end", "text": "", "k": count(pieces)}],
)

_acct_token(m, k) := {"type": m[0], "text": m[0], "k": k} if {
	m[2] != ""
} else := {"type": m[0], "text": m[0], "k": k} if {
	m[3] != ""
} else := {"type": "selector", "text": m[0], "k": k} if {
	m[4] != ""
} else := {"type": "string", "text": _acct_unquote(m[5]), "k": k} if {
	m[5] != ""
} else := {"type": "word", "text": m[0], "k": k}

_acct_unquote(quoted) := concat("", [_acct_unescaped(m) | some m in regex.find_all_string_submatch_n(`\\([\s\S])|([\s\S])`, substring(quoted, 1, count(quoted) - 2), -1)])

_acct_unescaped(m) := m[1] if {
	m[1] != ""
} else := m[2]

# The parser as a check of each token against the one before it (the grammar is LL(1)): the first
# token that does not fit gives the parser's error; otherwise the template of the expression.
_acct_parse_syntax(pattern, pieces, tokens) := {"error": concat("", [_acct_syntax_error(ctx, i), " ", _acct_where(pieces, tokens[i]), " of the filter pattern ", _acct_json(pattern)])} if {
	ctx := _acct_syntax_context(tokens)
	i := min({j | some j, _ in tokens; _acct_syntax_error(ctx, j)})
} else := {"template": [piece | some i, _ in tokens; piece := _acct_piece(tokens, i); piece != ""]}

_acct_where(pieces, token) := "at the end" if {
	token.type == "end"
} else := concat("", ["at character ", format_int(_acct_at(pieces, token.k) + 1, 10)])

# The tokens, what the parser expects at each, the parentheses as a string (for depths) and the
# level (the index of the enclosing "(", -1 at the top) of each junction.
_acct_syntax_context(tokens) := {"tokens": tokens, "states": states, "parens": parens, "levels": levels} if {
	states := [_acct_state(tokens, i) | some i, _ in tokens]
	parens := concat("", [_acct_paren_char(t) | some t in tokens])
	opens := {o: _acct_depth(parens, o) | some o, t in tokens; t.type == "("}
	levels := {j: _acct_level(opens, j, _acct_depth(parens, j)) |
		some j, t in tokens
		t.type in {"&&", "||"}
		states[j] == "term_end"
	}
}

_acct_paren_char(t) := t.type if {
	t.type in {"(", ")"}
} else := "x"

# Open parentheses before token i, less the closed ones.
_acct_depth(parens, i) := (count(prefix) - count(replace(prefix, "(", ""))) - (count(prefix) - count(replace(prefix, ")", ""))) if {
	prefix := substring(parens, 0, i)
}

_acct_level(_, _, 0) := -1

_acct_level(opens, j, d) := max({o | some o, od in opens; o < j; od == d - 1}) if d > 0

# What the parser expects at token i, from the token before it.
_acct_state(tokens, i) := "start" if {
	i == 0
} else := "unary" if {
	tokens[i - 1].type in {"{", "(", "&&", "||"}
} else := "after_selector" if {
	tokens[i - 1].type == "selector"
} else := "value" if {
	tokens[i - 1].type in {"=", "!="}
} else := "after_not" if {
	tokens[i - 1].type == "word"
	tokens[i - 1].text == "NOT"
	i >= 2
	tokens[i - 2].type == "selector"
} else := "ended" if {
	tokens[i - 1].type == "}"
} else := "term_end"

_acct_syntax_error(ctx, i) := _acct_state_error(ctx, i, ctx.states[i])

_acct_state_error(ctx, i, "start") := "expected `{`" if ctx.tokens[i].type != "{"

_acct_state_error(ctx, i, "unary") := "expected a property selector such as `$.eventName`" if {
	not ctx.tokens[i].type in {"(", "selector"}
}

_acct_state_error(ctx, i, "after_selector") := concat("", ["expected `=`, `!=`, `EXISTS` or `NOT EXISTS` after ", ctx.tokens[i - 1].text, " (other operators are outside the supported subset)"]) if {
	not _acct_operator(ctx.tokens, i)
}

_acct_state_error(ctx, i, "value") := "expected a value after the operator" if {
	not ctx.tokens[i].type in {"string", "word"}
}

_acct_state_error(ctx, i, "term_end") := "`&&` and `||` are mixed on one level without parentheses; group them explicitly, e.g. `{ (A || B) && C }`" if {
	ctx.tokens[i].type in {"&&", "||"}
	_acct_mixed(ctx, i)
} else := "expected `)`" if {
	not ctx.tokens[i].type in {"&&", "||", ")"}
	_acct_depth(ctx.parens, i) > 0
} else := "expected `}`" if {
	not ctx.tokens[i].type in {"&&", "||", "}"}
	_acct_depth(ctx.parens, i) == 0
}

_acct_state_error(ctx, i, "ended") := "unexpected text after the closing `}`" if ctx.tokens[i].type != "end"

_acct_operator(tokens, i) if tokens[i].type in {"=", "!="}

_acct_operator(tokens, i) if {
	tokens[i].type == "word"
	tokens[i].text == "EXISTS"
}

_acct_operator(tokens, i) if {
	tokens[i].type == "word"
	tokens[i].text == "NOT"
	tokens[i + 1].type == "word"
	tokens[i + 1].text == "EXISTS"
}

# A junction of the same level before i is the other one.
_acct_mixed(ctx, i) if {
	some j, level in ctx.levels
	j < i
	level == ctx.levels[i]
	ctx.tokens[j].type != ctx.tokens[i].type
}

_acct_piece(tokens, i) := "(" if {
	tokens[i].type in {"{", "("}
} else := ")" if {
	tokens[i].type in {"}", ")"}
} else := "&" if {
	tokens[i].type == "&&"
} else := "|" if {
	tokens[i].type == "||"
} else := {"c": _acct_condition(tokens, i)} if {
	tokens[i].type == "selector"
} else := ""

_acct_condition(tokens, i) := {"kind": "compare", "path": _acct_path(tokens[i].text), "op": tokens[i + 1].type, "value": tokens[i + 2].text, "quoted": tokens[i + 2].type == "string"} if {
	tokens[i + 1].type in {"=", "!="}
} else := {"kind": "exists", "path": _acct_path(tokens[i].text), "exists": tokens[i + 1].text == "EXISTS"}

# The steps of a selector: {"key": name} or {"index": n}.
_acct_path(selector) := [_acct_step(m) | some m in regex.find_all_string_submatch_n(`\.([A-Za-z0-9_-]+)|\[([0-9]+)\]`, selector, -1)]

_acct_step(m) := {"key": m[1]} if {
	m[1] != ""
} else := {"index": to_number(m[2])}

# The probe events (by index in _acct_probes) the pattern matches. Parentheses around one
# condition are dropped first; a pattern whose conditions then sit on one level is the union or
# intersection of their matches. Otherwise each piece of the template becomes a string with one
# character per probe (T or F for a condition, else the piece), so the expression for one probe is
# a column, whose innermost parentheses are reduced until one value is left (no level mixes & and |).
_acct_matched_probes(parsed) := _acct_matched_flat(template, sets) if {
	template := _acct_collapsed(parsed.template)
	count([p | some p in template; p == "("]) == 1
	sets := _acct_condition_sets(template)
} else := {id |
	some id, _ in _acct_probes
	text := concat("", [substring(column, id, 1) | some column in columns])
	_acct_reduce(text) == "T"
} if {
	template := _acct_collapsed(parsed.template)
	sets := _acct_condition_sets(template)
	conditions := [k | some k, p in template; is_object(p)]
	columns := [_acct_column(p, k, conditions, sets) | some k, p in template]
}

# The template without the parentheses around single conditions.
_acct_collapsed(template) := [p |
	some k, p in template
	not _acct_single_paren(template, k)
]

_acct_single_paren(template, k) if {
	template[k] == "("
	is_object(template[k + 1])
	template[k + 2] == ")"
}

_acct_single_paren(template, k) if {
	template[k] == ")"
	is_object(template[k - 1])
	template[k - 2] == "("
}

# The matches of each condition of the template, in order.
_acct_condition_sets(template) := [{id | some id, at in values[json.marshal(p.c.path)]; _acct_holds(p.c, at)} | some p in template; is_object(p)] if {
	paths := {json.marshal(p.c.path): p.c.path | some p in template; is_object(p)}
	values := {key: [_acct_value_at(event, path) | some event in _acct_probes] | some key, path in paths}
}

_acct_matched_flat(template, sets) := intersection({s | some s in sets}) if {
	"&" in template
} else := union({s | some s in sets})

_acct_column(p, k, conditions, sets) := _acct_repeated[p] if {
	is_string(p)
} else := concat("", [_acct_tf(id in sets[i]) | some id, _ in _acct_probes]) if {
	some i, c in conditions
	c == k
}

_acct_tf(true) := "T"

_acct_tf(false) := "F"

_acct_repeated := {p: concat("", [p | some _ in _acct_probes]) | some p in {"(", ")", "&", "|"}}

_acct_reduce(s) := _acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(_acct_r(s))))))))))))))))

_acct_r(s) := s if {
	not contains(s, "(")
} else := concat("", [_acct_group_value(m[0]) | some m in regex.find_all_string_submatch_n(`\([TF&|]*\)|[^()]+|[()]`, s, -1)])

_acct_group_value(g) := g if {
	not startswith(g, "(")
} else := g if {
	count(g) == 1
} else := "T" if {
	contains(g, "&")
	not contains(g, "F")
} else := "F" if {
	contains(g, "&")
} else := "T" if {
	contains(g, "T")
} else := "F"

# `conditionHolds(condition, event)`, given `valueAt(event, condition.path)`.
_acct_holds(c, at) if {
	c.kind == "exists"
	at.f == c.exists
}

_acct_holds(c, at) if {
	c.kind == "compare"
	c.op == "="
	at.f
	_acct_equal(c, at.v)
}

_acct_holds(c, at) if {
	c.kind == "compare"
	c.op == "!="
	at.f
	not _acct_equal(c, at.v)
}

_acct_equal(c, v) if {
	is_string(v)
	not contains(c.value, "*")
	c.value == v
}

_acct_equal(c, v) if {
	is_string(v)
	contains(c.value, "*")
	regex.match(concat("", ["(?s)^", concat(".*", [_acct_re_quote(part) | some part in split(c.value, "*")]), "$"]), v)
}

_acct_equal(c, v) if {
	is_number(v)
	not c.quoted
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, c.value)
	to_number(c.value) == v
}

_acct_re_quote(text) := strings.replace_n({".": `\.`, "+": `\+`, "?": `\?`, "^": `\^`, "$": `\$`, "{": `\{`, "}": `\}`, "(": `\(`, ")": `\)`, "|": `\|`, "[": `\[`, "]": `\]`, "\\": `\\`}, text)

# `valueAt(event, path)`: {"f": found, "v": value}; up to 8 steps.
_acct_value_at(event, path) := s8 if {
	s1 := _acct_at_step({"f": true, "v": event}, path, 0)
	s2 := _acct_at_step(s1, path, 1)
	s3 := _acct_at_step(s2, path, 2)
	s4 := _acct_at_step(s3, path, 3)
	s5 := _acct_at_step(s4, path, 4)
	s6 := _acct_at_step(s5, path, 5)
	s7 := _acct_at_step(s6, path, 6)
	s8 := _acct_at_step(s7, path, 7)
	count(path) <= 8
} else := {"f": false}

_acct_at_step(s, path, i) := s if {
	i >= count(path)
} else := {"f": false} if {
	not s.f
} else := {"f": true, "v": s.v[path[i].key]} if {
	is_object(s.v)
	is_string(path[i].key)
	has_key(s.v, path[i].key)
} else := {"f": true, "v": s.v[path[i].index]} if {
	is_array(s.v)
	is_number(path[i].index)
	path[i].index < count(s.v)
} else := {"f": false}

# --- the security signals (account/lib/security-signals.ts) -----------------------------------

# Every probe event, then the routine events; a signal's probes are indexes into it.
_acct_probes := array.concat([_acct_probe(p) | some s in _acct_signal_data; some p in s.probes], [_acct_probe(p) | some p in _acct_routine_data])

_acct_signals := [{"id": s.id, "title": s.title, "cis": s.cis, "probes": [(_acct_signal_offsets[i] + j) | some j, _ in s.probes]} | some i, s in _acct_signal_data]

_acct_signal_offsets := [sum([count(t.probes) | some t in array.slice(_acct_signal_data, 0, i)]) | some i, _ in _acct_signal_data]

_acct_routine_ids := {((count(_acct_probes) - count(_acct_routine_data)) + i) | some i, _ in _acct_routine_data}

# `{...base, ...extra}`.
_acct_spread(base, extra) := object.union(object.remove(base, object.keys(extra)), extra)

_acct_probe(p) := _acct_spread(object.union(_acct_api_base, {"eventSource": p.api[0], "eventName": p.api[1]}), p.extra) if {
	p.api
} else := _acct_spread(object.union(_acct_login_base, {"userIdentity": p.login[0], "responseElements": {"ConsoleLogin": p.login[1]}}), p.extra)

_acct_api_base := {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole", "principalId": "AROAEXAMPLEROLEID:operator", "arn": "arn:aws:sts::111122223333:assumed-role/Operator/operator", "accountId": "111122223333", "accessKeyId": "ASIAEXAMPLEACCESSKEY"}, "eventTime": "2025-03-04T10:15:30Z", "eventSource": "", "eventName": "", "awsRegion": "us-east-1", "sourceIPAddress": "198.51.100.23", "userAgent": "aws-cli/2.17.0 Python/3.11.9 Linux/6.1 exe/x86_64", "requestParameters": {}, "responseElements": null, "requestID": "0d9ab7b1-3c55-4f0e-9d0e-1b9c2f1e8a11", "eventID": "5b7f3f66-1f4c-4d9f-8a55-7d2f7e0c9a01", "readOnly": false, "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "111122223333", "eventCategory": "Management"}

_acct_login_base := {"eventVersion": "1.09", "userIdentity": null, "eventTime": "2025-03-04T08:02:11Z", "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "awsRegion": "us-east-1", "sourceIPAddress": "203.0.113.45", "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "requestParameters": null, "responseElements": null, "additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "No"}, "eventID": "8c1d2f0e-7a4b-4c3d-9e8f-1a2b3c4d5e6f", "readOnly": false, "eventType": "AwsConsoleSignIn", "managementEvent": true, "recipientAccountId": "111122223333", "eventCategory": "Management"}

_acct_signal_data := [{"id": "unauthorized-api-calls", "title": "unauthorized API calls", "cis": "CIS 1.2.0 3.1 / 3.0.0 4.1", "probes": [{"api": ["ec2.amazonaws.com", "DescribeInstances"], "extra": {"readOnly": true, "errorCode": "Client.UnauthorizedOperation", "errorMessage": "You are not authorized to perform this operation."}}, {"api": ["iam.amazonaws.com", "ListUsers"], "extra": {"readOnly": true, "errorCode": "AccessDenied", "errorMessage": "User is not authorized to perform: iam:ListUsers"}}]}, {"id": "console-signin-without-mfa", "title": "console sign-in without MFA", "cis": "CIS 1.2.0 3.2 / 3.0.0 4.2", "probes": [{"login": [{"type": "IAMUser", "principalId": "AIDAEXAMPLEUSERID", "arn": "arn:aws:iam::111122223333:user/alice", "accountId": "111122223333", "userName": "alice"}, "Success"], "extra": {}}]}, {"id": "root-account-usage", "title": "use of the root account", "cis": "CIS 1.2.0 3.3 / 3.0.0 4.3", "probes": [{"login": [{"type": "Root", "principalId": "111122223333", "arn": "arn:aws:iam::111122223333:root", "accountId": "111122223333"}, "Success"], "extra": {"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "Yes"}}}, {"api": ["iam.amazonaws.com", "CreateAccessKey"], "extra": {"userIdentity": {"type": "Root", "principalId": "111122223333", "arn": "arn:aws:iam::111122223333:root", "accountId": "111122223333"}}}]}, {"id": "iam-policy-changes", "title": "IAM policy changes", "cis": "CIS 1.2.0 3.4 / 3.0.0 4.4", "probes": [{"api": ["iam.amazonaws.com", "DeleteGroupPolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "DeleteRolePolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "DeleteUserPolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "PutGroupPolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "PutRolePolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "PutUserPolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "CreatePolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "DeletePolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "CreatePolicyVersion"], "extra": {}}, {"api": ["iam.amazonaws.com", "DeletePolicyVersion"], "extra": {}}, {"api": ["iam.amazonaws.com", "AttachRolePolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "DetachRolePolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "AttachUserPolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "DetachUserPolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "AttachGroupPolicy"], "extra": {}}, {"api": ["iam.amazonaws.com", "DetachGroupPolicy"], "extra": {}}]}, {"id": "cloudtrail-configuration-changes", "title": "CloudTrail configuration changes", "cis": "CIS 1.2.0 3.5 / 3.0.0 4.5", "probes": [{"api": ["cloudtrail.amazonaws.com", "CreateTrail"], "extra": {}}, {"api": ["cloudtrail.amazonaws.com", "UpdateTrail"], "extra": {}}, {"api": ["cloudtrail.amazonaws.com", "DeleteTrail"], "extra": {}}, {"api": ["cloudtrail.amazonaws.com", "StartLogging"], "extra": {}}, {"api": ["cloudtrail.amazonaws.com", "StopLogging"], "extra": {}}]}, {"id": "console-authentication-failures", "title": "console authentication failures", "cis": "CIS 1.2.0 3.6 / 3.0.0 4.6", "probes": [{"login": [{"type": "IAMUser", "principalId": "AIDAEXAMPLEUSERID", "arn": "arn:aws:iam::111122223333:user/alice", "accountId": "111122223333", "userName": "alice"}, "Failure"], "extra": {"errorMessage": "Failed authentication"}}]}, {"id": "kms-key-disable-or-deletion", "title": "disabling or scheduled deletion of customer managed KMS keys", "cis": "CIS 1.2.0 3.7 / 3.0.0 4.7", "probes": [{"api": ["kms.amazonaws.com", "DisableKey"], "extra": {}}, {"api": ["kms.amazonaws.com", "ScheduleKeyDeletion"], "extra": {}}]}, {"id": "s3-bucket-policy-changes", "title": "S3 bucket policy changes", "cis": "CIS 1.2.0 3.8 / 3.0.0 4.8", "probes": [{"api": ["s3.amazonaws.com", "PutBucketAcl"], "extra": {}}, {"api": ["s3.amazonaws.com", "PutBucketPolicy"], "extra": {}}, {"api": ["s3.amazonaws.com", "PutBucketCors"], "extra": {}}, {"api": ["s3.amazonaws.com", "PutBucketLifecycle"], "extra": {}}, {"api": ["s3.amazonaws.com", "PutBucketReplication"], "extra": {}}, {"api": ["s3.amazonaws.com", "DeleteBucketPolicy"], "extra": {}}, {"api": ["s3.amazonaws.com", "DeleteBucketCors"], "extra": {}}, {"api": ["s3.amazonaws.com", "DeleteBucketLifecycle"], "extra": {}}, {"api": ["s3.amazonaws.com", "DeleteBucketReplication"], "extra": {}}]}, {"id": "config-changes", "title": "AWS Config configuration changes", "cis": "CIS 1.2.0 3.9 / 3.0.0 4.9", "probes": [{"api": ["config.amazonaws.com", "StopConfigurationRecorder"], "extra": {}}, {"api": ["config.amazonaws.com", "DeleteDeliveryChannel"], "extra": {}}, {"api": ["config.amazonaws.com", "PutDeliveryChannel"], "extra": {}}, {"api": ["config.amazonaws.com", "PutConfigurationRecorder"], "extra": {}}]}, {"id": "security-group-changes", "title": "security group changes", "cis": "CIS 1.2.0 3.10 / 3.0.0 4.10", "probes": [{"api": ["ec2.amazonaws.com", "AuthorizeSecurityGroupIngress"], "extra": {}}, {"api": ["ec2.amazonaws.com", "AuthorizeSecurityGroupEgress"], "extra": {}}, {"api": ["ec2.amazonaws.com", "RevokeSecurityGroupIngress"], "extra": {}}, {"api": ["ec2.amazonaws.com", "RevokeSecurityGroupEgress"], "extra": {}}, {"api": ["ec2.amazonaws.com", "CreateSecurityGroup"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteSecurityGroup"], "extra": {}}]}, {"id": "nacl-changes", "title": "network ACL changes", "cis": "CIS 1.2.0 3.11 / 3.0.0 4.11", "probes": [{"api": ["ec2.amazonaws.com", "CreateNetworkAcl"], "extra": {}}, {"api": ["ec2.amazonaws.com", "CreateNetworkAclEntry"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteNetworkAcl"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteNetworkAclEntry"], "extra": {}}, {"api": ["ec2.amazonaws.com", "ReplaceNetworkAclEntry"], "extra": {}}, {"api": ["ec2.amazonaws.com", "ReplaceNetworkAclAssociation"], "extra": {}}]}, {"id": "network-gateway-changes", "title": "network gateway changes", "cis": "CIS 1.2.0 3.12 / 3.0.0 4.12", "probes": [{"api": ["ec2.amazonaws.com", "CreateCustomerGateway"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteCustomerGateway"], "extra": {}}, {"api": ["ec2.amazonaws.com", "AttachInternetGateway"], "extra": {}}, {"api": ["ec2.amazonaws.com", "CreateInternetGateway"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteInternetGateway"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DetachInternetGateway"], "extra": {}}]}, {"id": "route-table-changes", "title": "route table changes", "cis": "CIS 1.2.0 3.13 / 3.0.0 4.13", "probes": [{"api": ["ec2.amazonaws.com", "CreateRoute"], "extra": {}}, {"api": ["ec2.amazonaws.com", "CreateRouteTable"], "extra": {}}, {"api": ["ec2.amazonaws.com", "ReplaceRoute"], "extra": {}}, {"api": ["ec2.amazonaws.com", "ReplaceRouteTableAssociation"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteRouteTable"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteRoute"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DisassociateRouteTable"], "extra": {}}]}, {"id": "vpc-changes", "title": "VPC changes", "cis": "CIS 1.2.0 3.14 / 3.0.0 4.14", "probes": [{"api": ["ec2.amazonaws.com", "CreateVpc"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteVpc"], "extra": {}}, {"api": ["ec2.amazonaws.com", "ModifyVpcAttribute"], "extra": {}}, {"api": ["ec2.amazonaws.com", "AcceptVpcPeeringConnection"], "extra": {}}, {"api": ["ec2.amazonaws.com", "CreateVpcPeeringConnection"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DeleteVpcPeeringConnection"], "extra": {}}, {"api": ["ec2.amazonaws.com", "RejectVpcPeeringConnection"], "extra": {}}, {"api": ["ec2.amazonaws.com", "AttachClassicLinkVpc"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DetachClassicLinkVpc"], "extra": {}}, {"api": ["ec2.amazonaws.com", "DisableVpcClassicLink"], "extra": {}}, {"api": ["ec2.amazonaws.com", "EnableVpcClassicLink"], "extra": {}}]}, {"id": "organizations-changes", "title": "AWS Organizations changes", "cis": "CIS 3.0.0 4.15", "probes": [{"api": ["organizations.amazonaws.com", "AcceptHandshake"], "extra": {}}, {"api": ["organizations.amazonaws.com", "AttachPolicy"], "extra": {}}, {"api": ["organizations.amazonaws.com", "CreateAccount"], "extra": {}}, {"api": ["organizations.amazonaws.com", "CreateOrganizationalUnit"], "extra": {}}, {"api": ["organizations.amazonaws.com", "CreatePolicy"], "extra": {}}, {"api": ["organizations.amazonaws.com", "DeclineHandshake"], "extra": {}}, {"api": ["organizations.amazonaws.com", "DeleteOrganization"], "extra": {}}, {"api": ["organizations.amazonaws.com", "DeleteOrganizationalUnit"], "extra": {}}, {"api": ["organizations.amazonaws.com", "DeletePolicy"], "extra": {}}, {"api": ["organizations.amazonaws.com", "DetachPolicy"], "extra": {}}, {"api": ["organizations.amazonaws.com", "DisablePolicyType"], "extra": {}}, {"api": ["organizations.amazonaws.com", "EnablePolicyType"], "extra": {}}, {"api": ["organizations.amazonaws.com", "InviteAccountToOrganization"], "extra": {}}, {"api": ["organizations.amazonaws.com", "LeaveOrganization"], "extra": {}}, {"api": ["organizations.amazonaws.com", "MoveAccount"], "extra": {}}, {"api": ["organizations.amazonaws.com", "RemoveAccountFromOrganization"], "extra": {}}, {"api": ["organizations.amazonaws.com", "UpdatePolicy"], "extra": {}}, {"api": ["organizations.amazonaws.com", "UpdateOrganizationalUnit"], "extra": {}}]}]

_acct_routine_data := [{"api": ["ec2.amazonaws.com", "DescribeInstances"], "extra": {"readOnly": true}}, {"login": [{"type": "IAMUser", "principalId": "AIDAEXAMPLEUSERID", "arn": "arn:aws:iam::111122223333:user/alice", "accountId": "111122223333", "userName": "alice"}, "Success"], "extra": {"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "Yes"}}}]

catalog["account-root-has-security-alarms"] := _rule("stack_deny_account_root_has_security_alarms", {_acct_trail_type, _acct_filter_type, _acct_alarm_type})

stack_rule_events("account-root-has-security-alarms") := account_root_has_security_alarms
