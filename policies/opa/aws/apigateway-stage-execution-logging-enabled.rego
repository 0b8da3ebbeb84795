package phiguard

import rego.v1

# METADATA
# title: apigateway-stage-execution-logging-enabled
# description: "API Gateway REST API stages write execution logs to CloudWatch Logs: an aws.apigateway.MethodSettings for the stage with methodPath '*/*' sets loggingLevel ERROR or INFO."
stack_deny_apigateway_stage_execution_logging_enabled contains msg if some msg in analyzer_stack_messages("apigateway-stage-execution-logging-enabled")

apigateway_stage_execution_logging_enabled := units_outcome([_apigateway_stage_execution_logging_enabled(stage) | some stage in resources_of_type(edge_stage)])

_apigateway_stage_execution_logging_enabled(stage) := filtered.evs if {
	filtered := edge_all_methods(edge_stage_method_settings(stage))
	count(filtered.evs) > 0
} else := [{"m": "no aws.apigateway.MethodSettings with methodPath '*/*' configures this stage, so execution logging is off.", "urn": stage.urn}] if {
	count(edge_all_methods(edge_stage_method_settings(stage)).v) == 0
} else := evs if {
	levels := [edge_string_or(edge_prop(ms, ["settings", "loggingLevel"]), "OFF") | some ms in edge_all_methods(edge_stage_method_settings(stage)).v]
	evs := first_evs(levels)
	count(evs) > 0
} else := [{"m": concat("", ["the stage's method settings set loggingLevel '", upper(levels[0].t), "'; expected 'ERROR' or 'INFO'."]), "urn": stage.urn} |
	not _apigateway_stage_execution_logging_enabled_any(levels)
] if {
	levels := [edge_string_or(edge_prop(ms, ["settings", "loggingLevel"]), "OFF") | some ms in edge_all_methods(edge_stage_method_settings(stage)).v]
}

_apigateway_stage_execution_logging_enabled_any(levels) if {
	some level in levels
	upper(level.t) in {"ERROR", "INFO"}
}

catalog["apigateway-stage-execution-logging-enabled"] := _rule("stack_deny_apigateway_stage_execution_logging_enabled", {edge_stage})

stack_rule_events("apigateway-stage-execution-logging-enabled") := apigateway_stage_execution_logging_enabled
