package phiguard

import rego.v1

test_is_unknown_recognises_the_plan_markers_and_the_analyzer_computed_value if {
	is_unknown(t_unknown)
	is_unknown(t_secret)
	is_unknown({"Element": {"V": ""}})
	not is_unknown({"@phiguard": "asset", "path": "x"})
	not is_unknown("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
	not is_unknown({"Element": {"V": ""}, "other": 1})
}

test_rd_reads_through_objects_and_stops_at_an_unknown if {
	place := at("urn:x", "props")
	rd({"a": {"b": 1}}, place, ["a", "b"]) == {"k": "val", "v": 1, "o": "urn:x", "p": ["props", "a", "b"]}
	rd({"a": {"b": t_unknown, "c": 2}}, place, ["a", "b", "x"]) == {"k": "unk", "s": false, "o": "urn:x", "p": ["props", "a", "b"]}
	rd({"a": {"b": t_secret}}, place, ["a", "b"]).s == true
	rd({"a": [1]}, place, ["a", "b"]).k == "none"
	rd({"a": null}, place, ["a"]) == {"k": "val", "v": null, "o": "urn:x", "p": ["props", "a"]}
	rd({}, place, ["a", "b"]).k == "none"
}

test_outcome_keeps_violations_up_to_the_first_unknown_read if {
	outcome([{"m": "a"}, {"u": "props.x", "s": false, "o": "u"}, {"m": "b"}, {"u": "props.y", "s": false, "o": "u"}]) == [{"m": "a"}, {"u": "props.x", "s": false, "o": "u"}]
	outcome([{"m": "a"}, {"m": "b"}]) == [{"m": "a"}, {"m": "b"}]
	outcome([]) == []
}

test_units_outcome_keeps_every_units_violations_and_the_first_unknown if {
	units := [[{"m": "a"}, {"u": "p.1", "s": false, "o": "1"}, {"m": "lost"}], [{"m": "b"}], [{"u": "p.2", "s": false, "o": "2"}]]
	units_outcome(units) == [{"m": "a"}, {"m": "b"}, {"u": "p.1", "s": false, "o": "1"}]
}

test_elements_reads_each_element if {
	els := elements(val([1, t_unknown, "x"], at("u", "props")))
	els.evs == [{"u": "props.1", "s": false, "o": "u"}]
	[x.v | some x in els.items] == [1, "x"]
	count(els.all) == 3
	elements(val("no", at("u", "props"))) == {"evs": [], "items": [], "all": []}
}

test_strings_of_drops_other_values if {
	strings_of(val(["a", 1, "b", null], at("u", "props"))).v == ["a", "b"]
}

test_json_text_matches_json_stringify if {
	json_text(val("x", at("u", "props"))).t == "\"x\""
	json_text(val({"b": 1, "a": [true, null]}, at("u", "props"))).t == "{\"a\":[true,null],\"b\":1}"
	json_text(val({"a": {"z": 1, "b": t_unknown}}, at("u", "props"))).evs == [{"u": "props.a.b", "s": false, "o": "u"}]
}

test_js_string_and_num_text_match_javascript if {
	num_text(8080) == "8080"
	num_text(1.5) == "1.5"
	js_string(true) == "true"
	js_string(null) == "null"
	js_string({"a": 1}) == "[object Object]"
	js_string(["a", 1, null]) == "a,1,"
}

test_first_hit_stops_at_the_first_hit_or_unknown if {
	first_hit([{"evs": [], "v": false}, {"evs": [], "v": true}, {"evs": ["later"], "v": false}]) == {"evs": [], "v": true, "i": 1}
	first_hit([{"evs": ["u"], "v": false}, {"evs": [], "v": true}]) == {"evs": ["u"], "v": false, "i": -1}
	first_hit([{"evs": [], "v": false}]) == {"evs": [], "v": false, "i": -1}
}

test_json_sequence_ok_counts_top_level_values_by_bracket_depth if {
	_json_sequence_ok(["1"])
	_json_sequence_ok(["[", "1", "]"])
	_json_sequence_ok(["{", "\"a\"", ":", "[", "1", ",", "{", "}", "]", "}"])
	not _json_sequence_ok([])
	not _json_sequence_ok(["x"])
	not _json_sequence_ok(["1", ",", "2"])
	not _json_sequence_ok(["[", "]", ",", "[", "]"])
	not _json_sequence_ok(["]", "[", "1"])
	not _json_sequence_ok(["[", ",", "1", "]"])

	# Values after the brackets close below depth 0 are not at depth 0 (the parser rejects those texts).
	_json_sequence_ok(["[", "1", "]", "]", ",", "2"])
	_json_sequence_ok(["[", "[", "1", "]", "]", "]", ":", "2"])
	_json_sequence_ok(["{", "}", "}", ",", "{", "}"])
	not _json_sequence_ok(["1", "]", ",", "[", "2"])
	not _json_sequence_ok(["]", ",", "1"])
}

test_json_parse_accepts_one_json_value if {
	json_parse(`{"a": [1, {"b": null}]}`) == {"v": {"a": [1, {"b": null}]}}
	json_parse(" true ") == {"v": true}
	not json_parse("1 2")
	not json_parse("[1] [2]")
	not json_parse("{} , {}")
	not json_parse("")
	not json_parse(`"\ud800"`)
}
