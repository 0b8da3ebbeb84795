package phiguard

import rego.v1

# METADATA
# title: cloudtrail-s3-data-events-enabled
# description: "When a stack defines CloudTrail trails, at least one of them records S3 object-level (data) events, so every read and write of PHI objects is logged."
stack_deny_cloudtrail_s3_data_events_enabled contains msg if some msg in analyzer_stack_messages("cloudtrail-s3-data-events-enabled")

_cloudtrail_s3_object := "AWS::S3::Object"

# Every trail is checked (forEachDeferred); a trail known to log S3 data events decides, else the
# first unknown read, else every trail is at fault. No trail: the rule does not apply.
aws_cloudtrail_s3_data_events_enabled := [] if {
	some x in _cloudtrail_s3_results
	x.v
} else := [_cloudtrail_s3_results[i].evs[0]] if {
	i := min({j | some j, x in _cloudtrail_s3_results; count(x.evs) > 0})
} else := [{"m": "no trail in the stack records S3 data events (AWS::S3::Object).", "urn": trail.urn} | some trail in resources_of_type(pd_trail)]

_cloudtrail_s3_results := [_cloudtrail_s3_logs(trail) | some trail in resources_of_type(pd_trail)]

# `logsS3DataEvents(trail)`: {"evs", "v"}.
_cloudtrail_s3_logs(trail) := basic if {
	basic := _cloudtrail_s3_basic(trail)
	_holds_or_unknown(basic)
} else := _cloudtrail_s3_advanced(trail)

_cloudtrail_s3_basic(trail) := first_hit(pd_lazy([_cloudtrail_s3_selector(s) | some s in selectors.items], selectors)) if {
	selectors := pd_array_of(pd_prop(trail, ["eventSelectors"]))
}

_cloudtrail_s3_selector(s) := first_hit(pd_lazy(
	[{"evs": unk(t), "v": pd_is(t, _cloudtrail_s3_object)} |
		some d in resources.items
		t := rd_key(d, "type")
	],
	resources,
)) if {
	resources := pd_array_of(rd_key(s, "dataResources"))
}

_cloudtrail_s3_advanced(trail) := first_hit(pd_lazy([_cloudtrail_s3_advanced_selector(s) | some s in selectors.items], selectors)) if {
	selectors := pd_array_of(pd_prop(trail, ["advancedEventSelectors"]))
}

_cloudtrail_s3_advanced_selector(selector) := {"evs": unk(fields), "v": false} if {
	fields := rd_key(selector, "fieldSelectors")
	fields.k == "unk"
} else := category if {
	category := _cloudtrail_s3_equals(rd_key(selector, "fieldSelectors"), "eventCategory", "Data")
	not category.v
} else := _cloudtrail_s3_equals(rd_key(selector, "fieldSelectors"), "resources.type", _cloudtrail_s3_object)

# `fields.some((f) => f.field === field && arrayOf(f.equals).includes(value))`.
_cloudtrail_s3_equals(fields, field, value) := first_hit(pd_lazy([_cloudtrail_s3_field(f, field, value) | some f in list.items], list)) if {
	list := pd_array_of(fields)
}

_cloudtrail_s3_field(f, field, value) := {"evs": unk(name), "v": false} if {
	name := rd_key(f, "field")
	name.k == "unk"
} else := {"evs": [], "v": false} if {
	not is_val(rd_key(f, "field"), field)
} else := _cloudtrail_s3_includes(rd_key(f, "equals"), value)

# `arrayOf(equals).includes(value)`: an array is read element by element up to the match.
_cloudtrail_s3_includes(s, value) := {"evs": unk(s), "v": false} if {
	s.k == "unk"
} else := {"evs": [], "v": false} if {
	s.k == "none"
} else := {"evs": [], "v": false} if {
	s.v == null
} else := _cloudtrail_s3_includes_items(elements(s).all, value) if {
	is_array(s.v)
} else := {"evs": [], "v": s.v == value}

_cloudtrail_s3_includes_items(all, value) := {"evs": item_evs(all[i]), "v": all[i].u == false} if {
	i := min({j | some j, item in all; _cloudtrail_s3_stop(item, value)})
} else := {"evs": [], "v": false}

_cloudtrail_s3_stop(item, _) if item.u

_cloudtrail_s3_stop(item, value) if item.v == value

catalog["cloudtrail-s3-data-events-enabled"] := _rule("stack_deny_cloudtrail_s3_data_events_enabled", {"aws:cloudtrail/trail:Trail"})

stack_rule_events("cloudtrail-s3-data-events-enabled") := aws_cloudtrail_s3_data_events_enabled
