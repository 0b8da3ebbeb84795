package phiguard

import rego.v1

# METADATA
# title: alb-drop-invalid-header-fields
# description: "Application load balancers drop HTTP headers that are not valid, which blocks request-smuggling and header-injection tricks."
warn_alb_drop_invalid_header_fields contains msg if some msg in analyzer_messages("alb-drop-invalid-header-fields")

aws_alb_drop_invalid_header_fields(r) := array.concat(unk(s), _alb_drop_invalid_header_fields(r, s)) if {
	s := aws_prop(r, ["loadBalancerType"])
}

# `loadBalancerType(props) !== "application"`: the rule does not apply (args.notApplicable).
_alb_drop_invalid_header_fields(r, s) := [] if {
	s.k == "unk"
} else := [] if {
	js_string_or(s, "application") != "application"
} else := aws_unless_true(r, ["dropInvalidHeaderFields"], "dropInvalidHeaderFields is not true.")

catalog["alb-drop-invalid-header-fields"] := _rule("warn_alb_drop_invalid_header_fields", aws_v2_load_balancers)

resource_rule_events("alb-drop-invalid-header-fields", r) := aws_alb_drop_invalid_header_fields(r)
