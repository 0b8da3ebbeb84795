# Policy documents (the Rego twin of policies/hipaa/rules/aws/lib/policy-document.ts), the S3 and
# SQS joins (lib/s3.ts, lib/sqs.ts, lib/stack.ts) and the data classification tag (lib/props.ts).
#
# A document is a read ({"k", "v", "o", "p"}): JSON text is parsed with json_parse (no unknown value
# can be inside); an object document is read the way `statementsOf` reads it through the proxy
# (Condition, Principal, NotPrincipal, Sid, Effect, Action, NotAction, Resource, NotResource of each
# statement in turn), so the first unknown value on the way ends the rule.
package phiguard

import rego.v1

# `statementsOrReport(document)`: {"evs": the unknown read that ends it ([] or [one]), "err": [the
# report] or [], "st": the statements}. A statement is {"sid": text ("" when none), "effect",
# "actions", "resources", "principal": "*" or [[type, ids]] or null, "conditions": [[op, [[key, values]]]]}.
pd_statements(d) := _pd_text_statements(d, _pd_json(d.v)) if {
	d.k == "val"
	is_string(d.v)
} else := {"evs": unk(d), "err": [], "st": []} if {
	d.k == "unk"
} else := pd_doc_statements(d)

# JSON text is parsed once (json_parse is the costly part): `JSON.parse(text)` as {"v": value},
# or null where it throws.
_pd_json(text) := parsed if {
	parsed := json_parse(text)
} else := null

_pd_text_statements(d, parsed) := {"evs": [], "err": ["the policy is not valid JSON, so it cannot be checked."], "st": []} if {
	parsed == null
} else := pd_doc_statements({"k": "val", "v": parsed.v, "o": d.o, "p": d.p})

pd_doc_statements(d) := {"evs": [], "err": ["the policy is not a JSON object, so it cannot be checked."], "st": []} if {
	not pd_is_object_read(d)
} else := {"evs": array.slice(evs, 0, 1), "err": [], "st": [x.st | some x in parsed]} if {
	statements := pd_array_of(rd_key(d, "Statement"))
	parsed := [pd_statement(item) | some item in statements.items]
	evs := array.concat([e | some x in parsed; some e in x.evs], statements.evs)
}

pd_is_object_read(d) if {
	d.k == "val"
	is_object(d.v)
}

# `arrayOf(value)` read element by element (as `.map` / `for ... of` do): {"evs": the first unknown
# read (the value or an element), "items": the reads of the elements before it}.
pd_array_of(s) := {"evs": unk(s), "items": []} if {
	s.k == "unk"
} else := {"evs": [], "items": []} if {
	s.k == "none"
} else := {"evs": [], "items": []} if {
	s.v == null
} else := {"evs": array.slice(els.evs, 0, 1), "items": [item_read(item) | some item in array.slice(els.all, 0, pd_first_unknown_index(els.all))]} if {
	is_array(s.v)
	els := elements(s)
} else := {"evs": [], "items": [s]}

pd_first_unknown_index(all) := i if {
	i := min({j | some j, item in all; item.u})
} else := count(all)

# `strings(value)`: {"evs", "v": the elements as String() gives them}.
pd_strings(s) := {"evs": unk(s), "v": []} if {
	s.k == "unk"
} else := {"evs": [], "v": []} if {
	s.k == "none"
} else := {"evs": [], "v": []} if {
	s.v == null
} else := {"evs": array.slice([e | some x in texts; some e in x.evs], 0, 1), "v": [x.t | some x in texts]} if {
	is_array(s.v)
	texts := [pd_text(x, s.o, array.concat(s.p, [format_int(i, 10)])) | some i, x in s.v]
} else := {"evs": [], "v": [js_string(s.v)]}

# `String(value)` of a value read through the proxy at `path` of `owner`'s props: an unknown value,
# or one inside an array (join reads its elements, two levels deep here), ends it. {"evs", "t"}.
pd_text(v, owner, path) := {"evs": [{"u": concat(".", path), "s": secret_flag(v), "o": owner}], "t": ""} if {
	is_unknown(v)
} else := {"evs": [{"u": concat(".", array.concat(path, [format_int(i, 10) | some i in first])), "s": secret_flag(_pd_at(v, first)), "o": owner}], "t": ""} if {
	is_array(v)
	first := min(_pd_nested_unknowns(v))
} else := {"evs": [], "t": pd_js_string(v)}

_pd_nested_unknowns(v) := {[j] | some j, x in v; is_unknown(x)} | {[j, k] | some j, x in v; is_array(x); some k, y in x; is_unknown(y)}

_pd_at(v, path) := v[path[0]] if {
	count(path) == 1
} else := v[path[0]][path[1]]

# JavaScript's String(value), arrays two levels deep.
pd_js_string(v) := concat(",", [_pd_js_element(x) | some x in v]) if {
	is_array(v)
} else := js_string(v)

_pd_js_element(x) := "" if {
	x == null
} else := concat(",", [_js_scalar(y) | some y in x]) if {
	is_array(x)
} else := js_string(x)

# A statement that is null: TypeScript throws a TypeError there ({"x": true}: the check stops; a
# stack rule's other units still run, see pd_stack).
pd_statement(s) := {"evs": [{"x": true}], "st": {}} if {
	s.v == null
} else := {"evs": array.concat(array.concat(array.concat(cond.evs, principal.evs), not_principal.evs), array.concat(array.concat(unk(sid), unk(effect)), array.concat(array.concat(actions.evs, not_actions.evs), array.concat(resources.evs, not_resources.evs)))), "st": {
	"sid": pd_sid(sid),
	"effect": pd_effect(effect),
	"actions": actions.v,
	"resources": resources.v,
	"principal": principal.v,
	"conditions": cond.v,
}} if {
	cond := pd_conditions(rd_key(s, "Condition"))
	principal := pd_principal(rd_key(s, "Principal"))
	not_principal := pd_principal(rd_key(s, "NotPrincipal"))
	sid := rd_key(s, "Sid")
	effect := rd_key(s, "Effect")
	actions := pd_strings(rd_key(s, "Action"))
	not_actions := pd_strings(rd_key(s, "NotAction"))
	resources := pd_strings(rd_key(s, "Resource"))
	not_resources := pd_strings(rd_key(s, "NotResource"))
}

pd_sid(s) := s.v if {
	s.k == "val"
	is_string(s.v)
} else := ""

pd_effect(s) := "Deny" if {
	is_val(s, "Deny")
} else := "Allow"

# Blocks that are truthy objects (arrays too: `typeof [] === "object"`), key by key.
pd_conditions(c) := {"evs": unk(c), "v": []} if {
	c.k == "unk"
} else := {"evs": [e | some x in blocks; some e in x.evs], "v": [x.v | some x in blocks; x.keep]} if {
	c.k == "val"
	is_object(c.v)
	blocks := [pd_condition_block(op, rd_key(c, op)) | some op, _ in c.v]
} else := {"evs": [], "v": []}

pd_condition_block(op, b) := {"evs": unk(b), "keep": false, "v": []} if {
	b.k == "unk"
} else := {"evs": [e | some x in keys; some e in x.evs], "keep": true, "v": [op, [[x.k, x.v] | some x in keys]]} if {
	is_object(b.v)
	keys := [pd_condition_key(k, rd_key(b, k)) | some k, _ in b.v]
} else := {"evs": [e | some x in keys; some e in x.evs], "keep": true, "v": [op, [[x.k, x.v] | some x in keys]]} if {
	is_array(b.v)
	keys := [pd_condition_key(format_int(i, 10), pd_element_read(b, i)) | some i, _ in b.v]
} else := {"evs": [], "keep": false, "v": []}

pd_element_read(b, i) := {"k": "unk", "o": b.o, "p": array.concat(b.p, [format_int(i, 10)]), "s": secret_flag(b.v[i])} if {
	is_unknown(b.v[i])
} else := {"k": "val", "v": b.v[i], "o": b.o, "p": array.concat(b.p, [format_int(i, 10)])}

pd_condition_key(k, s) := {"k": k, "evs": x.evs, "v": x.v} if {
	x := pd_strings(s)
}

# `principalOf(value)`: {"evs", "v": "*", [[type, ids]] or null}.
pd_principal(p) := {"evs": unk(p), "v": null} if {
	p.k == "unk"
} else := {"evs": [], "v": null} if {
	p.k == "none"
} else := {"evs": [], "v": null} if {
	p.v == null
} else := {"evs": [], "v": "*"} if {
	p.v == "*"
} else := {"evs": ids.evs, "v": [["AWS", ids.v]]} if {
	not is_object(p.v)
	ids := pd_strings(p)
} else := {"evs": [e | some x in types; some e in x.evs], "v": [[x.t, x.v] | some x in types]} if {
	types := [pd_principal_type(t, pd_strings(rd_key(p, t))) | some t, _ in p.v]
}

pd_principal_type(t, x) := {"t": t, "evs": x.evs, "v": x.v}

# `hasWildcardPrincipal(s)`.
pd_wildcard_principal(st) if st.principal == "*"

pd_wildcard_principal(st) if {
	is_array(st.principal)
	some entry in st.principal
	"*" in entry[1]
}

# `hasConditions(s)`.
pd_has_conditions(st) if {
	some block in st.conditions
	count(block[1]) > 0
}

# `conditionValues(s, operators, key)`.
pd_condition_values(st, operators, key) := [v |
	some block in st.conditions
	lower(block[0]) in {lower(o) | some o in operators}
	some entry in block[1]
	lower(entry[0]) == lower(key)
	some v in entry[1]
]

# `actionMatches(pattern, action)`: `*` and `?` wildcards, case-insensitive.
pd_action_matches(pattern, action) if regex.match(concat("", ["(?i)^", concat("", [pd_pattern_char(c) | some c in split(pattern, "")]), "$"]), action)

pd_pattern_char(c) := `[^\n\r\x{2028}\x{2029}]*` if {
	c == "*"
} else := `[^\n\r\x{2028}\x{2029}]` if {
	c == "?"
} else := concat("", ["\\", c]) if {
	c in {".", "+", "^", "$", "{", "}", "(", ")", "|", "[", "]", "\\"}
} else := c

# `coversActions(s, actions)`.
pd_covers_actions(st, actions) if {
	every a in actions {
		some p in st.actions
		pd_action_matches(p, a)
	}
}

# `deniesInsecureTransport(s, actions)`.
pd_denies_insecure_transport(st, actions) if {
	st.effect == "Deny"
	pd_wildcard_principal(st)
	pd_covers_actions(st, actions)
	some v in pd_condition_values(st, ["Bool", "BoolIfExists"], "aws:SecureTransport")
	lower(v) == "false"
}

# `statement 'sid' ` or `statement `.
pd_statement_label(st) := concat("", ["statement '", st.sid, "' "]) if {
	st.sid != ""
} else := "statement "

# `listing(items)` of strings: 'a', 'b' and 'c'.
pd_listing(items) := "" if {
	count(items) == 0
} else := concat("", ["'", items[0], "'"]) if {
	count(items) == 1
} else := concat("", [
	concat(", ", [concat("", ["'", x, "'"]) | some x in array.slice(items, 0, count(items) - 1)]),
	" and '", items[count(items) - 1], "'",
])

# JavaScript's truthiness of a value.
pd_truthy(v) if {
	not v in {null, false, 0, ""}
}

# --- joins (lib/stack.ts, lib/s3.ts, lib/sqs.ts) ---------------------------------------------------

pd_bucket := "aws:s3/bucket:Bucket"

# `peekString(obj, key)`.
pd_peek_string(obj, key) := obj[key] if {
	is_object(obj)
	is_string(obj[key])
}

# `bucketChildren(resources, bucket, type)`.
pd_bucket_children(bucket, type) := children_of(bucket, type, "bucket", ["bucket"])

# A read of a resource's props.
pd_prop(r, keys) := rd(r.props, props_at(r), keys)

# `bucketPolicies(resources, bucket)` / `queuePolicies(resources, queue)`: {"evs", "docs": reads}.
pd_policy_documents(children, owner) := {"evs": array.slice(evs, 0, 1), "docs": docs} if {
	child_docs := [pd_prop(c, ["policy"]) | some c in children]
	own := [pd_prop(owner, ["policy"]) | aws_has_value(owner.props, "policy")]
	all := array.concat(child_docs, own)
	evs := [e | some d in all; some e in unk(d)]
	docs := all
}

# `documents.flatMap((d) => statementsOrReport(d, report, urn) ?? [])`: events (reports on `urn`,
# then the unknown read that ends it) and the statements.
pd_documents_statements(docs, urn) := {"evs": _pd_documents_evs(parsed, urn), "st": [st | some x in parsed; some st in x.st]} if {
	parsed := [pd_statements(d) | some d in docs]
}

_pd_documents_evs(parsed, urn) := array.concat(
	[{"m": m, "urn": urn} | some x in array.slice(parsed, 0, i); some m in x.err],
	parsed[i].evs,
) if {
	i := min({j | some j, x in parsed; count(x.evs) > 0})
} else := [{"m": m, "urn": urn} | some x in parsed; some m in x.err]

# `classificationOf(props)` through the proxy: {"evs", "v": the lower-cased tag or null}.
pd_classification(r) := {"evs": unk(tags), "v": null} if {
	tags := pd_prop(r, ["tags"])
	tags.k == "unk"
} else := {"evs": unk(value), "v": pd_tag_text(value)} if {
	tags := pd_prop(r, ["tags"])
	tags.k == "val"
	is_object(tags.v)
	value := rd_key(tags, "data-classification")
} else := {"evs": [], "v": null}

pd_tag_text(value) := lower(trim_space(value.v)) if {
	value.k == "val"
	is_string(value.v)
} else := null

# `isPhi(props)`: {"evs", "v"}.
pd_is_phi(r) := {"evs": c.evs, "v": c.v == "phi"} if {
	c := pd_classification(r)
}

# `mayHoldPhi(props)`: {"evs", "v"}.
pd_may_hold_phi(r) := {"evs": c.evs, "v": c.v in {null, "phi"}} if {
	c := pd_classification(r)
}

# --- IAM identity policies (lib/iam.ts) --------------------------------------------------------------

pd_role := "aws:iam/role:Role"

pd_identity_policy_types := {"aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy", pd_role}

# `identityPolicies(type, props)`: {"evs": the unknown read that ends it, "docs": [{"where", "d": read}]}.
pd_identity_policies(r) := {"evs": array.slice(evs, 0, 1), "docs": [x.doc | some x in inline]} if {
	r.type == pd_role
	policies := pd_array_of(pd_prop(r, ["inlinePolicies"]))
	inline := [_pd_inline_policy(i, item) | some i, item in policies.items]
	evs := array.concat([e | some x in inline; some e in x.evs], policies.evs)
} else := {"evs": unk(policy), "docs": [{"where": "policy", "d": policy} | policy.k == "val"]} if {
	r.type in pd_identity_policy_types
	policy := pd_prop(r, ["policy"])
} else := {"evs": [], "docs": []}

_pd_inline_policy(i, item) := {"evs": array.concat(array.concat(unk(name), _pd_inline_name(name).evs), unk(policy)), "doc": {"where": concat("", ["inlinePolicies[", format_int(i, 10), "]", _pd_inline_name(name).t]), "d": policy}} if {
	name := rd_key(item, "name")
	policy := rd_key(item, "policy")
}

_pd_inline_name(name) := {"evs": text.evs, "t": concat("", [" '", text.t, "'"])} if {
	name.k == "val"
	pd_truthy(name.v)
	text := pd_text(name.v, name.o, name.p)
} else := {"evs": [], "t": ""}

# The events of one document of a resource rule: its report, or the unknown read that ends it.
pd_doc_stop(p) := array.concat([{"m": m} | some m in p.err], p.evs)

# `is_val(s, x)` as a boolean.
pd_is(s, x) if {
	is_val(s, x)
} else := false

# A read of `key` below a read whose value is truthy (`d && d[key]`): none when it is falsy.
pd_truthy_read(s) if {
	s.k == "val"
	pd_truthy(s.v)
}

# `list.some(check)` over an array read element by element: the results of `check` on the elements
# before the first unknown one, then that unknown read (for first_hit).
pd_lazy(results, a) := array.concat(results, [{"evs": a.evs, "v": false} | count(a.evs) > 0])

# The units of a stack rule over resources, as `forEachDeferred` runs them. A unit that reads a
# property of null ({"x": true}) stops there; its TypeError is rethrown only when no unknown value
# was read before (the engine then fails; no finding to match), so the unit simply ends.
pd_stack(units) := units_outcome([pd_cut(evs) | some evs in units])

pd_cut(evs) := array.slice(evs, 0, i) if {
	i := min({j | some j, e in evs; e.x})
} else := evs

# `Number(text) >= n` for the texts conditions hold.
pd_number_at_least(v, n) if js_number(v) >= n

pd_number_at_least(v, _) if trim_space(v) in {"Infinity", "+Infinity"}

pd_s3_sse := "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"

pd_s3_versioning := "aws:s3/bucketVersioning:BucketVersioning"

pd_s3_logging := "aws:s3/bucketLogging:BucketLogging"

pd_s3_public_access_block := "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"

pd_s3_object_lock := "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"

pd_s3_replication := "aws:s3/bucketReplicationConfig:BucketReplicationConfig"

pd_s3_bucket_policy := "aws:s3/bucketPolicy:BucketPolicy"

pd_s3_ownership_controls := "aws:s3/bucketOwnershipControls:BucketOwnershipControls"

pd_s3_bucket_acl := "aws:s3/bucketAcl:BucketAcl"

pd_s3_lifecycle := "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"

pd_sqs_queue := "aws:sqs/queue:Queue"

pd_sqs_queue_policy := "aws:sqs/queuePolicy:QueuePolicy"

pd_sqs_redrive_policy := "aws:sqs/redrivePolicy:RedrivePolicy"

pd_trail := "aws:cloudtrail/trail:Trail"

# `bucketChildren(resources, bucket, VERSIONING).some((v) => v.props.versioningConfiguration?.status === "Enabled")`.
pd_s3_versioned(bucket) := first_hit([{"evs": unk(s), "v": pd_is(s, "Enabled")} |
	some v in pd_bucket_children(bucket, pd_s3_versioning)
	s := pd_prop(v, ["versioningConfiguration", "status"])
])

# The reads of `String(value)` / a comparison of a read value (an array's join reads its elements):
# the unknown read that ends it, or [].
pd_text_evs(s) := pd_text(s.v, s.o, s.p).evs if {
	s.k == "val"
} else := []

# `Number("0x..")`, `Number("0o..")`, `Number("0b..")` at least 2 (the only threshold used is 1.2).
pd_number_at_least(v, n) if {
	n <= 2
	regex.match(`^0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)$`, trim_space(v))
	digits := trim_left(substring(trim_space(v), 2, -1), "0")
	_pd_at_least_two(digits)
}

_pd_at_least_two(digits) if count(digits) > 1

_pd_at_least_two(digits) if {
	count(digits) == 1
	digits != "1"
}
