package phiguard

import rego.v1

# METADATA
# title: apigateway-stage-client-certificate-configured
# description: "API Gateway REST API stages present a client certificate to their HTTP back ends (clientCertificateId), so back ends can verify that requests come from API Gateway."
warn_apigateway_stage_client_certificate_configured contains msg if some msg in analyzer_messages("apigateway-stage-client-certificate-configured")

aws_apigateway_stage_client_certificate_configured(r) := aws_unless_has_value(r, [], "clientCertificateId", "the stage sets no clientCertificateId.")

catalog["apigateway-stage-client-certificate-configured"] := _rule("warn_apigateway_stage_client_certificate_configured", {aws_stage})

resource_rule_events("apigateway-stage-client-certificate-configured", r) := aws_apigateway_stage_client_certificate_configured(r)
