package phiguard

import rego.v1

# METADATA
# title: apigateway-method-settings-no-data-trace
# description: "API Gateway method settings do not turn on data tracing (settings.dataTraceEnabled), which copies full request and response bodies, and so PHI, into CloudWatch Logs."
deny_apigateway_method_settings_no_data_trace contains msg if some msg in analyzer_messages("apigateway-method-settings-no-data-trace")

apigateway_method_settings_no_data_trace(r) := array.concat(unk(trace), _apigateway_method_settings_no_data_trace(r, trace)) if {
	trace := edge_prop(r, ["settings", "dataTraceEnabled"])
}

_apigateway_method_settings_no_data_trace(r, trace) := array.concat(path.evs, [{"m": concat("", ["data tracing is on for methodPath '", path.t, "', so request and response bodies are logged."])} | count(path.evs) == 0]) if {
	is_val(trace, true)
	path := edge_string(edge_prop(r, ["methodPath"]))
} else := []

catalog["apigateway-method-settings-no-data-trace"] := _rule("deny_apigateway_method_settings_no_data_trace", {edge_method_settings})

resource_rule_events("apigateway-method-settings-no-data-trace", r) := apigateway_method_settings_no_data_trace(r)
