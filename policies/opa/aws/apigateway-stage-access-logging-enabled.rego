package phiguard

import rego.v1

# METADATA
# title: apigateway-stage-access-logging-enabled
# description: "API Gateway REST API stages write access logs (accessLogSettings with a destinationArn), one record per request with caller and status."
deny_apigateway_stage_access_logging_enabled contains msg if some msg in analyzer_messages("apigateway-stage-access-logging-enabled")

aws_apigateway_stage_access_logging_enabled(r) := aws_unless_has_value(r, ["accessLogSettings"], "destinationArn", "the stage has no accessLogSettings.destinationArn, so requests are not access-logged.")

catalog["apigateway-stage-access-logging-enabled"] := _rule("deny_apigateway_stage_access_logging_enabled", {aws_stage})

resource_rule_events("apigateway-stage-access-logging-enabled", r) := aws_apigateway_stage_access_logging_enabled(r)
