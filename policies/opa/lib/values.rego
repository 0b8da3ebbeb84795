# Reading resource properties the way phiguard's TypeScript rules read them.
#
# A TypeScript rule sees its props behind an unknown-checking proxy: reading a value that is unknown
# at preview (or a secret the plan does not hold) throws, the rule stops there, and the engine
# reports "cannot be verified before deploy: <path>" (advisory) next to the violations the rule
# reported before that read. A Rego rule here is therefore written as an ordered list of events,
# in the order the TypeScript rule reads and reports:
#
#   {"m": message}                          a violation
#   {"m": message, "urn": urn}              a violation of a stack rule, on that resource
#   {"u": "props.a.b", "s": secret, "o": urn}  a read of an unknown value (o: whose props)
#
# and `outcome(events)` keeps what the TypeScript rule would report: every violation up to the
# first unknown read, and that read. Reads that TypeScript makes without the check (a property's
# descriptor, `textOf(...)`) never produce an unknown event.
package phiguard

import rego.v1

# Where the Plan marks special values, e.g. {"@phiguard": "unknown"}.
marker_key := "@phiguard"

# A value unknown at preview: the Plan's marker for an unknown or a secret value, or (under
# Pulumi's OPA analyzer) a computed value, which its Go SDK hands to OPA as {"Element": {"V": ...}}.
is_unknown(v) if v[marker_key] in {"unknown", "secret"}

is_unknown(v) if {
	is_object(v)
	count(v) == 1
	element := v.Element
	is_object(element)
	count(element) == 1
	_ = element.V
}

is_secret(v) if v[marker_key] == "secret"

# true for a secret, else false (for event fields).
secret_flag(v) if {
	is_secret(v)
} else := false

# A place to read from: whose props (o, a URN) and the path so far (p, e.g. ["props", "spec"]).
at(owner, label) := {"o": owner, "p": [label]}

# The result of a read:
#   {"k": "val", "v": value, "o", "p"}  the value (possibly null)
#   {"k": "none", "o", "p"}             undefined: absent, or a step was not an object
#   {"k": "unk", "o", "p", "s"}         the read hit an unknown value (the rule stops)
val(v, place) := {"k": "val", "v": v, "o": place.o, "p": place.p}

# `obj.k1.k2...` as `pathOf` reads it: each step needs an object (not an array); an absent key
# or a non-object gives undefined; an unknown value read on the way ends the read. Up to 6 keys.
# (Unrolled by the number of keys: rules read props all the time.)
rd(v, place, keys) := val(v, place) if {
	count(keys) == 0
} else := rd_key(val(v, place), keys[0]) if {
	count(keys) == 1
} else := rd_key(rd_key(val(v, place), keys[0]), keys[1]) if {
	count(keys) == 2
} else := rd_key(rd_key(rd_key(val(v, place), keys[0]), keys[1]), keys[2]) if {
	count(keys) == 3
} else := rd_key(rd_key(rd_key(rd_key(val(v, place), keys[0]), keys[1]), keys[2]), keys[3]) if {
	count(keys) == 4
} else := rd_key(rd_key(rd_key(rd_key(rd_key(val(v, place), keys[0]), keys[1]), keys[2]), keys[3]), keys[4]) if {
	count(keys) == 5
} else := rd_key(rd_key(rd_key(rd_key(rd_key(rd_key(val(v, place), keys[0]), keys[1]), keys[2]), keys[3]), keys[4]), keys[5])

# One read: `asObject(s.v)?.[key]`.
rd_key(s, key) := s if {
	s.k != "val"
} else := {"k": "none", "o": s.o, "p": s.p} if {
	not is_object(s.v)
} else := _rd_field(s, key)

_rd_field(s, key) := _rd_found(s, key, x) if {
	x := s.v[key]
} else := {"k": "none", "o": s.o, "p": array.concat(s.p, [key])}

# (The value is looked up once and passed on.)
_rd_found(s, key, x) := {"k": "unk", "o": s.o, "p": array.concat(s.p, [key]), "s": secret_flag(x)} if {
	is_unknown(x)
} else := {"k": "val", "v": x, "o": s.o, "p": array.concat(s.p, [key])}

has_key(obj, key) if _ = obj[key]

# The value of a read, or `dflt` when it gave none (undefined or unknown).
value_or(s, _) := s.v if s.k == "val"

value_or(s, dflt) := dflt if s.k != "val"

# The unknown event of a read, as a list of zero or one event.
unk(s) := [{"u": concat(".", s.p), "s": s.s, "o": s.o}] if {
	s.k == "unk"
} else := []

# Is the read's value exactly `x` (=== in TypeScript)? False for undefined and unknown.
is_val(s, x) if {
	s.k == "val"
	s.v == x
}

# The elements of an array read as `asArray(value).forEach(...)` / `.map(...)` would read them:
# {"evs": unknown events (elements unknown at preview), "items": the other elements, "all": every
# element in order}; an element is {"i": index, "v": value, "o", "p", "u": unknown}. A rule that
# handles each element as it reads it (forEach) walks "all" and starts each element with
# item_evs(item), so an unknown element ends the rule after the verdicts on the ones before it.
elements(s) := {"evs": [item_u(item) | some item in all; item.u], "items": [item | some item in all; not item.u], "all": all} if {
	s.k == "val"
	is_array(s.v)
	all := [{"i": i, "v": x, "o": s.o, "p": array.concat(s.p, [format_int(i, 10)]), "u": is_unknown_bool(x)} | some i, x in s.v]
} else := {"evs": unk(s), "items": [], "all": []}

is_unknown_bool(x) if {
	is_unknown(x)
} else := false

item_u(item) := {"u": concat(".", item.p), "s": secret_flag(item.v), "o": item.o}

# [the unknown event] for an unknown element, else [].
item_evs(item) := [item_u(item)] if {
	item.u
} else := []

# `asStrings(value)`: the string elements (others dropped); reading an unknown element ends it.
strings_of(s) := {"evs": els.evs, "v": [x.v | some x in els.items; is_string(x.v)]} if {
	els := elements(s)
}

# An element as a read, for further reads below it.
item_read(item) := {"k": "val", "v": item.v, "o": item.o, "p": item.p}

# Reads `key` of an element, as `asObject(item)?.[key]`.
item_key(item, key) := rd_key(item_read(item), key)

# `hasValue(obj, key)`: present, not null and not "" (a value unknown at preview counts).
has_value(obj, key) if {
	is_object(obj)
	v := obj[key]
	v != null
	v != ""
}

# `textOf(() => value)` for a plain value: a string, a number as text, else undefined.
text_of(v) := v if is_string(v)

text_of(v) := num_text(v) if is_number(v)

# `textOf(() => value) ?? dflt`.
text_or(v, _) := text_of(v)

text_or(v, dflt) := dflt if not text_of(v)

# A number as JavaScript's String(n) writes it (integers without a decimal point).
num_text(n) := format_int(n, 10) if {
	n == floor(n)
	abs(n) < 1e21
} else := json.marshal(n)

# JavaScript's String(value) for the values a rule stringifies.
js_string(v) := v if is_string(v)

js_string(v) := num_text(v) if is_number(v)

js_string(v) := "true" if v == true

js_string(v) := "false" if v == false

js_string(v) := "null" if is_null(v)

js_string(v) := "[object Object]" if is_object(v)

js_string(v) := concat(",", [_js_scalar(x) | some x in v]) if is_array(v)

# An array element inside String([...]): null is empty; nested arrays are not expected.
_js_scalar(x) := "" if is_null(x)

_js_scalar(x) := x if is_string(x)

_js_scalar(x) := num_text(x) if is_number(x)

_js_scalar(x) := "true" if x == true

_js_scalar(x) := "false" if x == false

_js_scalar(x) := "[object Object]" if is_object(x)

_js_scalar(x) := "" if is_array(x)

# String() of a read; "undefined" when it gave none.
js_string_read(s) := js_string(s.v) if s.k == "val"

js_string_read(s) := "undefined" if s.k == "none"

# `JSON.stringify(value)` of a value read through the proxy: it reads every nested value, so an
# unknown one anywhere inside ends the rule. {"evs": [unknown event] or [], "t": text}.
json_text(s) := {"evs": unk(s), "t": ""} if {
	s.k == "unk"
} else := {"evs": [{"u": concat(".", array.concat(s.p, _path_text(first))), "s": secret_flag(_value_at(s.v, first)), "o": s.o}], "t": ""} if {
	s.k == "val"
	first := _first_unknown_path(s.v)
} else := {"evs": [], "t": json.marshal(s.v)} if {
	s.k == "val"
} else := {"evs": [], "t": "undefined"}

_first_unknown_path(v) := min({p | walk(v, [p, x]); count(p) > 0; is_unknown(x)})

_path_text(p) := [js_string(k) | some k in p]

_value_at(v, p) := x if walk(v, [p, x])

# Keeps what the TypeScript rule reports: violations up to the first unknown read, and that read.
outcome(evs) := array.slice(evs, 0, i + 1) if {
	i := min({j | some j, e in evs; e.u})
} else := evs

# For a stack rule whose checks run one by one (`DeferredErrors.attempt`): the outcome of each
# unit's violations, and the first unknown read of all (which the rule rethrows at the end).
units_outcome(units) := array.concat(
	[e | some evs in units; some e in outcome(evs); e.m],
	_first_u_of(units),
)

_first_u_of(units) := [units[i][j]] if {
	i := min({k | some k, evs in units; some e in evs; e.u})
	j := min({k | some k, e in units[i]; e.u})
} else := []

# The strings of `items` that are not in `exclude`, in order.
without(items, exclude) := [x | some x in items; not x in exclude]

# `list.some(check)` / `list.find(check)` over results in order ({"evs", "v": bool} each): reads stop
# at the first result that holds or that read an unknown value. {"evs": the unknown reads made,
# "v": a result held, "i": its index (or -1)}.
first_hit(results) := {"evs": [e | some x in array.slice(results, 0, i + 1); some e in x.evs], "v": results[i].v, "i": i} if {
	i := min({j | some j, x in results; _holds_or_unknown(x)})
	count(results[i].evs) == 0
} else := {"evs": [e | some x in array.slice(results, 0, i + 1); some e in x.evs], "v": false, "i": -1} if {
	i := min({j | some j, x in results; _holds_or_unknown(x)})
} else := {"evs": [], "v": false, "i": -1}

_holds_or_unknown(x) if x.v == true

_holds_or_unknown(x) if count(x.evs) > 0

# `list.filter(check)` over results in order ({"evs", ...} each): every element is checked, so
# only an unknown read stops it. The unknown reads of the first result that made one, or [].
first_evs(results) := results[i].evs if {
	i := min({j | some j, x in results; count(x.evs) > 0})
} else := []

# `JSON.parse(text)` as {"v": value}, undefined when JavaScript would throw. The wasm build of
# json.unmarshal accepts more than JSON ("1 2", "01") and json.is_valid crashes on a bare true or
# false (OPA v1.22.2), so the text is first checked token by token: every character belongs to a
# JSON token, one value at the top level, no two values in a row and no dangling comma. Strings
# with an escaped lone surrogate (which JavaScript accepts) are treated as invalid, since the wasm
# parser aborts on them.
json_parse(text) := {"v": json.unmarshal(text)} if {
	is_string(text)
	tokens := [m[0] | some m in regex.find_all_string_submatch_n(_json_token, text, -1)]
	concat("", tokens) == text
	not regex.match(`\\u[dD][89abAB][0-9a-fA-F]{2}`, text)
	significant := [t | some t in tokens; trim_space(t) != ""]
	count(significant) > 0
	_json_sequence_ok(significant)
	_ = json.unmarshal(text)
}

_json_token := `\s+|"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null|[\[\]{}:,]|.`

_json_sequence_ok(tokens) if {
	classes := [_json_class(t) | some t in tokens]
	text := concat("", classes)
	not contains(text, "?")
	not regex.match(_json_bad_pair, text)
	_json_top_level_values(classes, text) == 1
}

# A token's class, one character: the token itself for punctuation, "v" for the start of a
# scalar (a string, number, true, false or null), "?" for anything else. The checks below run over
# the string of classes, in native code rather than a Rego step per token.
_json_class(t) := t if {
	t in {"[", "]", "{", "}", ":", ","}
} else := "v" if {
	regex.match(`^(?:"|-|[0-9]|true$|false$|null$)`, t)
} else := "?"

# Two tokens in a row that JSON does not allow: a value after the end of a value, or a separator
# or opening bracket before a separator or (other than its own) closing bracket.
_json_bad_pair := `[v\]}][v\[{]|[,:][,\]}:]|\[[,}:]|\{[,\]:]`

# The values that start at bracket depth 0 (the opening minus the closing brackets before them).
# Depths come from the brackets' ranks: after the k-th bracket, if it is the j-th opening one, the
# depth is 2j + 1 - k, and if it is the m-th closing one, k - 2m - 1 (all counted from 0). An
# opening bracket starts a value at depth 0 when 2j = k; scalars are counted before the first
# bracket and after each bracket that leaves the depth at 0, up to the next bracket. Linear in the
# tokens (counting the brackets before each token anew took most of the evaluation of a plan with
# a few hundred policy documents).
_json_top_level_values(classes, text) := (count([j | some j, k in opens; k == 2 * j]) + _json_scalars(text, 0, _json_bracket_at(brackets, 0, n))) + sum([_json_scalars(text, brackets[k] + 1, _json_bracket_at(brackets, k + 1, n)) | some k in at_zero]) if {
	n := count(classes)
	brackets := [i | some i, c in classes; c in {"[", "]", "{", "}"}]
	opens := [k | some k, i in brackets; classes[i] in {"[", "{"}]
	closes := [k | some k, i in brackets; classes[i] in {"]", "}"}]
	at_zero := array.concat([k | some j, k in opens; k == (2 * j) + 1], [k | some m, k in closes; k == (2 * m) + 1])
}

# The position of the k-th bracket, or n (the end) after the last one.
_json_bracket_at(brackets, k, n) := brackets[k] if {
	k < count(brackets)
} else := n

# The scalars among the classes from position `from` up to `to` (not included).
_json_scalars(text, from, to) := count(split(substring(text, from, to - from), "v")) - 1
