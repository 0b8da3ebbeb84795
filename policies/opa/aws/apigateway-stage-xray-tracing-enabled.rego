package phiguard

import rego.v1

# METADATA
# title: apigateway-stage-xray-tracing-enabled
# description: "API Gateway REST API stages trace requests with AWS X-Ray (xrayTracingEnabled), so the path of each request through the back ends can be reviewed."
warn_apigateway_stage_xray_tracing_enabled contains msg if some msg in analyzer_messages("apigateway-stage-xray-tracing-enabled")

aws_apigateway_stage_xray_tracing_enabled(r) := aws_unless_true(r, ["xrayTracingEnabled"], "xrayTracingEnabled is not true.")

catalog["apigateway-stage-xray-tracing-enabled"] := _rule("warn_apigateway_stage_xray_tracing_enabled", {aws_stage})

resource_rule_events("apigateway-stage-xray-tracing-enabled", r) := aws_apigateway_stage_xray_tracing_enabled(r)
