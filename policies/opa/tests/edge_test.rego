package phiguard

import rego.v1

# Tests of the ACM, API Gateway, WAF, ELB, CodeBuild, ECR, ECS, Elastic Beanstalk, Lambda and EMR
# rules (policies/opa/aws, helpers in aws/lib_edge.rego).

edge_t_deps(r, deps) := object.union(r, {"propertyDependencies": deps})

edge_t_unverifiable(name, path) := ["unverifiable", name, concat("", ["cannot be verified before deploy: ", path])]

edge_t_pem := concat("\n", [
	"-----BEGIN CERTIFICATE-----",
	"MIIBGjCBwgIBATAKBggqhkjOPQQDAjAaMRgwFgYDVQQDDA9vbGQuZXhhbXBsZS5v",
	"cmcwHhcNMjAwMTAxMDAwMDAwWhcNMjEwMTAxMDAwMDAwWjAaMRgwFgYDVQQDDA9v",
	"bGQuZXhhbXBsZS5vcmcwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARPO83a7tn6",
	"KmXb1+OzYaNyucD/D/sBwIDnQpBS6JOZsvVsv36r2JpivtWXiXh9UawwsNEz4PhL",
	"O6X86sijtHvmMAoGCCqGSM49BAMCA0cAMEQCIAKSzg69Ijpu8f5h3EtNDQ25NsN2",
	"qlsD5YA91lZw7U0pAiBuMcQirHUih5G7rGRBhjyNhzJJb+3Du7RQuUhiFicRhw==",
	"-----END CERTIFICATE-----",
])

edge_t_weak_pem := concat("\n", [
	"-----BEGIN CERTIFICATE-----",
	"MIICFDCCAX2gAwIBAgIUNQcRu8+S+a5xkAabJNbnvHW7j2UwDQYJKoZIhvcNAQEL",
	"BQAwGzEZMBcGA1UEAwwQd2Vhay5leGFtcGxlLm9yZzAgFw0yNjExMjIwMDMzMjda",
	"GA8yMTI2MTAyOTAwMzMyN1owGzEZMBcGA1UEAwwQd2Vhay5leGFtcGxlLm9yZzCB",
	"nzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEAlkOPDCKFH5IdMPMBnOsvPyhIdhT5",
	"SJTuLKUaNIRODBmLG8s7MmPYbf2b0uWGTf5v54POo2WSRVsq2uIfGBhG4IN+mJy0",
	"VoA1F/y2VsGvrD0RNy3l9sSgkztuhWsKr0LM/OpWZL3fmHCAU4Heg5j3aCWY4dxB",
	"Y/hx6Wn83dE1DZMCAwEAAaNTMFEwHQYDVR0OBBYEFD1bEPPDsm2AovlUZOSHs2tq",
	"qoPAMB8GA1UdIwQYMBaAFD1bEPPDsm2AovlUZOSHs2tqqoPAMA8GA1UdEwEB/wQF",
	"MAMBAf8wDQYJKoZIhvcNAQELBQADgYEAfdbg4o/GD4TUQDUw00feCoHKWkWG9fvf",
	"xhXbi75oOUV9VJcmNrCEFlEjH+RHCB0DI8ry4hfnNlny8vM756vJZ3kOQV3sQNq3",
	"2VUGYP0pjdx6qSCIplfH5EtEIEF+hWWFdZJOUAn2RdX+qcQd5Zht8f5qx84DkGVP",
	"pXjtPNEikOc=",
	"-----END CERTIFICATE-----",
])

# 2020-06-01T00:00:00Z, five months before the P-256 test certificate expires.
edge_t_now := 1590969600000

test_edge_certificate_parsing if {
	ec := edge_parse_certificate(edge_t_pem)
	ec.valid_to == "Jan  1 00:00:00 2021 GMT"
	ec.valid_to_ms == 1609459200000
	ec.key == {"type": "ec", "curve": "prime256v1", "bits": 0}
	rsa := edge_parse_certificate(edge_t_weak_pem)
	rsa.key.type == "rsa"
	rsa.key.bits == 1024
	rsa.valid_to == "Oct 29 00:33:27 2126 GMT"
	not edge_parse_certificate("x")
	edge_days_from_civil(1970, 1, 1) == 0
	edge_days_from_civil(2000, 3, 1) == 11017
}

test_edge_acm_key_algorithm if {
	t_verdicts("acm-certificate-key-algorithm-strong", [t_res(edge_certificate, "ok", {"domainName": "a.example.org"})]) == []
	t_verdicts("acm-certificate-key-algorithm-strong", [t_res(edge_certificate, "ok-ec", {"certificateBody": edge_t_pem})]) == []
	t_verdicts("acm-certificate-key-algorithm-strong", [t_res(edge_certificate, "weak", {"keyAlgorithm": "RSA_1024"})]) == [["violation", "weak", "keyAlgorithm is 'RSA_1024'; expected RSA_2048 or stronger, or an EC key."]]
	t_verdicts("acm-certificate-key-algorithm-strong", [t_res(edge_certificate, "weak-imported", {"certificateBody": edge_t_weak_pem})]) == [["violation", "weak-imported", "the imported certificate has a 1024-bit RSA key; expected at least 2048."]]
	t_verdicts("acm-certificate-key-algorithm-strong", [t_res(edge_certificate, "junk", {"certificateBody": true})]) == [["violation", "junk", "certificateBody is not a PEM-encoded X.509 certificate, so it cannot be checked."]]
	t_verdicts("acm-certificate-key-algorithm-strong", [t_res(edge_certificate, "u", {"certificateBody": t_unknown})]) == [edge_t_unverifiable("u", "props.certificateBody")]
	t_verdicts("acm-certificate-key-algorithm-strong", [t_res(edge_certificate, "u2", {"keyAlgorithm": t_unknown})]) == [edge_t_unverifiable("u2", "props.keyAlgorithm")]
}

test_edge_acm_renewal if {
	t_verdicts("acm-certificate-renews-before-expiry", [t_res(edge_certificate, "dns", {"validationMethod": "DNS"})]) == []
	t_verdicts("acm-certificate-renews-before-expiry", [t_res(edge_certificate, "email", {"validationMethod": "email"})]) == [["violation", "email", "validationMethod is 'EMAIL', so renewal needs someone to act on validation emails; expected 'DNS'."]]
	t_verdicts("acm-certificate-renews-before-expiry", [t_res(edge_certificate, "none", {})]) == [["violation", "none", "validationMethod is not set, so renewal needs someone to act on validation emails; expected 'DNS'."]]
	t_verdicts("acm-certificate-renews-before-expiry", [t_res(edge_certificate, "private", {"certificateAuthorityArn": "arn"})]) == []
	t_verdicts("acm-certificate-renews-before-expiry", [t_res(edge_certificate, "u", {"validationMethod": t_unknown})]) == [edge_t_unverifiable("u", "props.validationMethod")]
	imported := t_res(edge_certificate, "imported", {"certificateBody": edge_t_pem})
	t_verdicts("acm-certificate-renews-before-expiry", [imported]) == [["violation", "imported", "the imported certificate expired on Jan  1 00:00:00 2021 GMT."]] with data.phiguard.now_ms as 1700000000000
	t_verdicts("acm-certificate-renews-before-expiry", [imported]) == [["violation", "imported", "the imported certificate expires on Jan  1 00:00:00 2021 GMT, in 22 days; expected at least 30."]] with data.phiguard.now_ms as 1607558400000
	t_verdicts("acm-certificate-renews-before-expiry", [imported]) == [] with data.phiguard.now_ms as edge_t_now
	t_verdicts("acm-certificate-renews-before-expiry", [imported]) == [["violation", "imported", "the imported certificate expires on Jan  1 00:00:00 2021 GMT, in 214 days; expected at least 365."]] with data.phiguard.now_ms as edge_t_now
		with data.config.deny_acm_certificate_renews_before_expiry as {"minimumDaysToExpiry": 365}

	# Without a clock (Pulumi's OPA analyzer), the expiry cannot be checked.
	t_verdicts("acm-certificate-renews-before-expiry", [imported]) == [edge_t_unverifiable("imported", "props.certificateBody")]
}

test_edge_acm_transparency if {
	t_verdicts("acm-certificate-transparency-logging-enabled", [t_res(edge_certificate, "ok", {})]) == []
	t_verdicts("acm-certificate-transparency-logging-enabled", [t_res(edge_certificate, "off", {"options": {"certificateTransparencyLoggingPreference": "disabled"}})]) == [["violation", "off", "certificate transparency logging is DISABLED."]]
	t_verdicts("acm-certificate-transparency-logging-enabled", [t_res(edge_certificate, "imported", {"certificateBody": "x", "options": {"certificateTransparencyLoggingPreference": "DISABLED"}})]) == []
	t_verdicts("acm-certificate-transparency-logging-enabled", [t_res(edge_certificate, "u", {"options": {"certificateTransparencyLoggingPreference": t_unknown}})]) == [edge_t_unverifiable("u", "props.options.certificateTransparencyLoggingPreference")]
}

test_edge_waf_associations if {
	alb := t_res("aws:lb/loadBalancer:LoadBalancer", "alb", {})
	internal := t_res("aws:lb/loadBalancer:LoadBalancer", "internal", {"internal": true})
	nlb := t_res("aws:alb/loadBalancer:LoadBalancer", "nlb", {"loadBalancerType": "network"})
	t_verdicts("alb-waf-associated", [alb, internal, nlb]) == [["violation", "alb", "no WAF web ACL is associated with this internet-facing application load balancer."]]
	association := edge_t_deps(t_res(edge_web_acl_association, "assoc", {"resourceArn": t_unknown}), {"resourceArn": [alb.urn]})
	t_verdicts("alb-waf-associated", [alb, association]) == []
	t_verdicts("alb-waf-associated", [t_res("aws:lb/loadBalancer:LoadBalancer", "u", {"internal": t_unknown})]) == [edge_t_unverifiable("u", "props.internal")]

	acl := t_res(edge_web_acl, "acl", {})
	t_verdicts("wafv2-web-acl-logging-enabled", [acl]) == [["violation", "acl", "no logging configuration is attached to this web ACL."]]
	logging := edge_t_deps(t_res(edge_web_acl_logging, "log", {}), {"resourceArn": [acl.urn]})
	t_verdicts("wafv2-web-acl-logging-enabled", [acl, logging]) == []
}

test_edge_apigateway_domain_and_method_settings if {
	t_verdicts("apigateway-domain-name-tls-1-2", [t_res(edge_domain_name, "ok", {"securityPolicy": "SecurityPolicy_TLS13_1_3_2025_09"})]) == []
	t_verdicts("apigateway-domain-name-tls-1-2", [t_res(edge_domain_name, "old", {"securityPolicy": "TLS_1_0"})]) == [["violation", "old", "securityPolicy is 'TLS_1_0'; expected 'TLS_1_2' or later."]]
	t_verdicts("apigateway-domain-name-tls-1-2", [t_res(edge_domain_name, "unset", {})]) == [["violation", "unset", "no securityPolicy is set, so the domain may accept TLS 1.0 (TLS_1_0); expected 'TLS_1_2'."]]
	t_verdicts("apigateway-domain-name-tls-1-2", [t_res(edge_domain_name, "list", {"securityPolicy": ["a", t_unknown]})]) == [edge_t_unverifiable("list", "props.securityPolicy.1")]

	t_verdicts("apigateway-method-settings-no-data-trace", [t_res(edge_method_settings, "ok", {"settings": {"dataTraceEnabled": false}})]) == []
	t_verdicts("apigateway-method-settings-no-data-trace", [t_res(edge_method_settings, "trace", {"methodPath": "*/*", "settings": {"dataTraceEnabled": true}})]) == [["violation", "trace", "data tracing is on for methodPath '*/*', so request and response bodies are logged."]]
	t_verdicts("apigateway-method-settings-no-data-trace", [t_res(edge_method_settings, "u", {"settings": {"dataTraceEnabled": t_secret}})]) == [["unverifiable", "u", "cannot be verified before deploy: props.settings.dataTraceEnabled (secret value is not available offline)"]]
}

test_edge_apigateway_stages if {
	api := t_res(edge_rest_api, "api", {})
	stage := edge_t_deps(t_res(edge_stage, "stage", {"stageName": "prod", "cacheClusterEnabled": true}), {"restApi": [api.urn]})
	ms := edge_t_deps(t_res(edge_method_settings, "ms", {"methodPath": "*/*", "settings": {"loggingLevel": "info", "cachingEnabled": true}}), {"stageName": [stage.urn], "restApi": [api.urn]})
	t_verdicts("apigateway-stage-execution-logging-enabled", [api, stage, ms]) == []
	t_verdicts("apigateway-stage-execution-logging-enabled", [api, stage]) == [["violation", "stage", "no aws.apigateway.MethodSettings with methodPath '*/*' configures this stage, so execution logging is off."]]
	off := t_merge(ms, {"props": {"methodPath": "*/*", "settings": {}}})
	t_verdicts("apigateway-stage-execution-logging-enabled", [api, stage, off]) == [["violation", "stage", "the stage's method settings set loggingLevel 'OFF'; expected 'ERROR' or 'INFO'."]]
	unknown := t_merge(ms, {"props": {"methodPath": t_unknown}})
	t_verdicts("apigateway-stage-execution-logging-enabled", [api, stage, unknown]) == [edge_t_unverifiable("ms", "props.methodPath")]

	t_verdicts("apigateway-stage-cache-encrypted", [api, stage, ms]) == [
		["violation", "stage", "method settings 'ms' (methodPath '*/*') cache responses without cacheDataEncrypted."],
		["violation", "stage", "the stage has a cache cluster, but no MethodSettings for methodPath '*/*' sets cacheDataEncrypted: true."],
	]
	encrypted := t_merge(ms, {"props": {"methodPath": "*/*", "settings": {"cachingEnabled": true, "cacheDataEncrypted": true}}})
	t_verdicts("apigateway-stage-cache-encrypted", [api, stage, encrypted]) == []
	t_verdicts("apigateway-stage-cache-encrypted", [api, t_merge(stage, {"props": {"cacheClusterEnabled": t_unknown}})]) == [edge_t_unverifiable("stage", "props.cacheClusterEnabled")]

	t_verdicts("apigateway-stage-waf-associated", [api, stage]) == [["violation", "stage", "no WAF web ACL is associated with this stage."]]
	private := t_merge(api, {"props": {"endpointConfiguration": {"types": "PRIVATE"}}})
	t_verdicts("apigateway-stage-waf-associated", [private, stage]) == []
	association := t_res(edge_web_acl_association, "assoc", {"resourceArn": "arn:aws:apigateway:us-east-1::/restapis/x/stages/prod"})
	t_verdicts("apigateway-stage-waf-associated", [api, stage, association]) == []
	unknown_api := t_merge(api, {"props": {"endpointConfiguration": {"types": [t_unknown]}}})
	t_verdicts("apigateway-stage-waf-associated", [unknown_api, stage]) == [edge_t_unverifiable("api", "props.endpointConfiguration.types.0")]
}

test_edge_elb_access_logs if {
	t_verdicts("elb-access-logs-enabled", [t_res("aws:lb/loadBalancer:LoadBalancer", "ok", {"accessLogs": {"bucket": "logs", "enabled": true}})]) == []
	t_verdicts("elb-access-logs-enabled", [t_res("aws:lb/loadBalancer:LoadBalancer", "off", {"accessLogs": {"bucket": "logs"}})]) == [["violation", "off", "accessLogs is configured but not enabled."]]
	t_verdicts("elb-access-logs-enabled", [t_res(edge_classic_lb, "classic", {"accessLogs": {"bucket": "logs"}})]) == []
	t_verdicts("elb-access-logs-enabled", [t_res(edge_classic_lb, "none", {})]) == [["violation", "none", "no accessLogs bucket is configured."]]
	t_verdicts("elb-access-logs-enabled", [t_res("aws:lb/loadBalancer:LoadBalancer", "gw", {"loadBalancerType": "gateway"})]) == []
	t_verdicts("elb-access-logs-enabled", [t_res("aws:lb/loadBalancer:LoadBalancer", "u", {"loadBalancerType": t_unknown})]) == [edge_t_unverifiable("u", "props.loadBalancerType")]
}

test_edge_elb_listeners if {
	listener := "aws:lb/listener:Listener"
	t_verdicts("elb-listener-https-only", [t_res(listener, "tls", {"protocol": "HTTPS"})]) == []
	t_verdicts("elb-listener-https-only", [t_res(listener, "tcp", {"protocol": "TCP"})]) == []
	t_verdicts("elb-listener-https-only", [t_res(listener, "redirect", {"defaultActions": [{"type": "redirect", "redirect": {"protocol": "https"}}]})]) == []
	t_verdicts("elb-listener-https-only", [t_res(listener, "http", {"defaultActions": [{"type": "forward"}]})]) == [["violation", "http", "the listener accepts HTTP without redirecting to HTTPS."]]
	t_verdicts("elb-listener-https-only", [t_res(edge_classic_lb, "classic", {"listeners": [{"lbProtocol": "https"}, {"lbProtocol": "http"}]})]) == [["violation", "classic", "listeners[1] uses HTTP; expected HTTPS or SSL."]]
	t_verdicts("elb-listener-https-only", [t_res(edge_classic_lb, "u", {"listeners": [{"lbProtocol": "tcp"}, t_unknown]})]) == [edge_t_unverifiable("u", "props.listeners.1"), ["violation", "u", "listeners[0] uses TCP; expected HTTPS or SSL."]]

	t_verdicts("elb-listener-tls-1-2-policy", [t_res(listener, "ok", {"protocol": "HTTPS", "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})]) == []
	t_verdicts("elb-listener-tls-1-2-policy", [t_res(listener, "http", {})]) == []
	t_verdicts("elb-listener-tls-1-2-policy", [t_res(listener, "old", {"protocol": "TLS", "sslPolicy": "ELBSecurityPolicy-2016-08"})]) == [["violation", "old", "sslPolicy 'ELBSecurityPolicy-2016-08' allows protocols older than TLS 1.2."]]
	t_verdicts("elb-listener-tls-1-2-policy", [t_res(listener, "unset", {"protocol": "HTTPS"})]) == [["violation", "unset", "no sslPolicy is set, so the provider's default policy applies; expected a TLS 1.2+ policy."]]
	t_verdicts("elb-listener-tls-1-2-policy", [t_res(listener, "u", {"protocol": t_unknown})]) == [edge_t_unverifiable("u", "props.protocol")]

	cert := t_res(edge_certificate, "cert", {})
	acm := edge_t_deps(t_res(listener, "acm", {"protocol": "HTTPS", "certificateArn": t_unknown}), {"certificateArn": [cert.urn]})
	literal := t_res(listener, "literal", {"protocol": "HTTPS", "certificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/1"})
	iam := t_res(listener, "iam", {"protocol": "HTTPS", "certificateArn": "arn:aws:iam::123456789012:server-certificate/x"})
	missing := t_res(listener, "missing", {"protocol": "TLS"})
	classic := t_res(edge_classic_lb, "classic", {"listeners": [{"sslCertificateId": "arn:aws:iam::1:server-certificate/x"}, {"lbProtocol": "http"}]})
	t_verdicts("elb-listener-uses-acm-certificate", [cert, acm, literal, iam, missing, classic]) == [
		["violation", "classic", "listeners[0] uses a certificate that is not from ACM."],
		["violation", "iam", "the listener's certificate is not from ACM (an IAM server certificate or another source)."],
		["violation", "missing", "the TLS listener sets no certificateArn."],
	]
	t_verdicts("elb-listener-uses-acm-certificate", [t_res(listener, "u", {"protocol": t_unknown})]) == [edge_t_unverifiable("u", "props.protocol")]
}

test_edge_codebuild if {
	project := "aws:codebuild/project:Project"
	t_verdicts("codebuild-project-encrypted-with-cmk", [t_res(project, "ok", {"encryptionKey": "arn:aws:kms:us-east-1:1:key/x"})]) == []
	t_verdicts("codebuild-project-encrypted-with-cmk", [t_res(project, "bad", {"artifacts": {"encryptionDisabled": true}, "secondaryArtifacts": [{}, {"encryptionDisabled": true}]})]) == [
		["violation", "bad", "artifacts sets encryptionDisabled: true."],
		["violation", "bad", "no encryptionKey is set, so artifacts are encrypted with the AWS managed S3 key."],
		["violation", "bad", "secondaryArtifacts[1] sets encryptionDisabled: true."],
	]
	t_verdicts("codebuild-project-encrypted-with-cmk", [t_res(project, "u", {"encryptionKey": "k", "artifacts": t_unknown})]) == [edge_t_unverifiable("u", "props.artifacts")]

	t_verdicts("codebuild-project-no-plaintext-aws-credentials", [t_res(project, "ok", {"environment": {"environmentVariables": [{"name": "AWS_ACCESS_KEY_ID", "type": "SECRETS_MANAGER"}, {"name": "X"}]}})]) == []
	t_verdicts("codebuild-project-no-plaintext-aws-credentials", [t_res(project, "bad", {"environment": {"environmentVariables": [{"name": "aws_secret_access_key"}]}})]) == [["violation", "bad", "environment variable AWS_SECRET_ACCESS_KEY holds an AWS credential in plain text."]]
	t_verdicts("codebuild-project-no-plaintext-aws-credentials", [t_res(project, "u", {"environment": {"environmentVariables": [{"name": "AWS_SESSION_TOKEN", "type": t_unknown}]}})]) == [edge_t_unverifiable("u", "props.environment.environmentVariables.0.type")]

	t_verdicts("codebuild-project-source-without-credentials", [t_res(project, "ok", {"source": {"location": "https://github.com/org/repo.git"}})]) == []
	t_verdicts("codebuild-project-source-without-credentials", [t_res(project, "bad", {"source": {"location": "https://github.com/org/repo.git"}, "secondarySources": [{"location": "https://user:token@github.com/org/repo.git"}]})]) == [["violation", "bad", "secondarySources[0].location embeds credentials in the repository URL."]]
	t_verdicts("codebuild-project-source-without-credentials", [t_res(project, "u", {"source": {"location": t_secret}})]) == [["unverifiable", "u", "cannot be verified before deploy: props.source.location (secret value is not available offline)"]]
}

test_edge_ecr if {
	repository := "aws:ecr/repository:Repository"
	t_verdicts("ecr-repository-encrypted-with-kms", [t_res(repository, "ok", {"encryptionConfigurations": [{"encryptionType": "KMS"}]})]) == []
	t_verdicts("ecr-repository-encrypted-with-kms", [t_res(repository, "aes", {"encryptionConfigurations": [{"encryptionType": "AES256"}]})]) == [["violation", "aes", "the repository is not encrypted with KMS (encryptionType is not 'KMS')."]]
	t_verdicts("ecr-repository-encrypted-with-kms", [t_res(repository, "u", {"encryptionConfigurations": [{"encryptionType": t_unknown}, {"encryptionType": "KMS"}]})]) == [edge_t_unverifiable("u", "props.encryptionConfigurations.0.encryptionType")]

	t_verdicts("ecr-repository-tags-immutable", [t_res(repository, "ok", {"imageTagMutability": "IMMUTABLE_WITH_EXCLUSION"})]) == []
	t_verdicts("ecr-repository-tags-immutable", [t_res(repository, "mutable", {})]) == [["violation", "mutable", "imageTagMutability is 'MUTABLE'; expected 'IMMUTABLE'."]]
	t_verdicts("ecr-repository-tags-immutable", [t_res(repository, "u", {"imageTagMutability": t_unknown})]) == [edge_t_unverifiable("u", "props.imageTagMutability")]
}

test_edge_ecs_containers if {
	containers := json.marshal([{"name": "app", "user": "1000", "readonlyRootFilesystem": true}, {"privileged": true, "user": "root:app"}])
	td := t_res(edge_task_definition, "td", {"containerDefinitions": containers})
	t_verdicts("ecs-task-definition-no-privileged-containers", [td]) == [["violation", "td", "container '#1' is privileged."]]
	t_verdicts("ecs-task-definition-non-root-user", [td]) == [["violation", "td", "container '#1' runs as 'root:app'."]]
	t_verdicts("ecs-task-definition-read-only-root-filesystem", [td]) == [["violation", "td", "container '#1' has a writable root file system."]]
	ok := t_res(edge_task_definition, "ok", {"containerDefinitions": json.marshal([{"name": "app", "user": "1000", "readonlyRootFilesystem": true}])})
	t_verdicts("ecs-task-definition-no-privileged-containers", [ok]) == []
	t_verdicts("ecs-task-definition-non-root-user", [ok]) == []
	t_verdicts("ecs-task-definition-read-only-root-filesystem", [ok]) == []
	no_user := t_res(edge_task_definition, "no-user", {"containerDefinitions": [{"name": "app"}]})
	t_verdicts("ecs-task-definition-non-root-user", [no_user]) == [["violation", "no-user", "container 'app' sets no user, so it runs as the image's user (root by default)."]]
	bad := t_res(edge_task_definition, "bad", {"containerDefinitions": "{not json"})
	t_verdicts("ecs-task-definition-no-privileged-containers", [bad]) == [["violation", "bad", "containerDefinitions is not valid JSON, so the containers cannot be checked."]]
	t_verdicts("ecs-task-definition-read-only-root-filesystem", [t_res(edge_task_definition, "obj", {"containerDefinitions": "{}"})]) == [["violation", "obj", "containerDefinitions is not a JSON array of container definitions, so the containers cannot be checked."]]
	t_verdicts("ecs-task-definition-non-root-user", [t_res(edge_task_definition, "u", {"containerDefinitions": t_unknown})]) == [edge_t_unverifiable("u", "props.containerDefinitions")]
	t_verdicts("ecs-task-definition-non-root-user", [t_res(edge_task_definition, "u2", {"containerDefinitions": [{"name": "a", "user": t_unknown}]})]) == [edge_t_unverifiable("u2", "props.containerDefinitions.0.user")]
}

test_edge_ecs_efs if {
	t_verdicts("ecs-task-definition-efs-transit-encryption", [t_res(edge_task_definition, "none", {"volumes": [{"name": "tmp"}]})]) == []
	t_verdicts("ecs-task-definition-efs-transit-encryption", [t_res(edge_task_definition, "ok", {"volumes": [{"name": "data", "efsVolumeConfiguration": {"transitEncryption": "enabled"}}]})]) == []
	t_verdicts("ecs-task-definition-efs-transit-encryption", [t_res(edge_task_definition, "bad", {"volumes": [{"name": "data", "efsVolumeConfiguration": {}}]})]) == [["violation", "bad", "EFS volume 'data' is mounted without transit encryption."]]
	t_verdicts("ecs-task-definition-efs-transit-encryption", [t_res(edge_task_definition, "u", {"volumes": [{"name": "data", "efsVolumeConfiguration": {"transitEncryption": t_unknown}}]})]) == [edge_t_unverifiable("u", "props.volumes.0.efsVolumeConfiguration.transitEncryption")]
}

test_edge_elastic_beanstalk if {
	health := {"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": "enhanced"}
	enabled := {"namespace": "aws:elasticbeanstalk:managedactions", "name": "ManagedActionsEnabled", "value": "true"}
	level := {"namespace": "aws:elasticbeanstalk:managedactions:platformupdate", "name": "UpdateLevel", "value": "minor"}
	ok := t_res(edge_eb_environment, "ok", {"settings": [health, enabled, level]})
	t_verdicts("elasticbeanstalk-enhanced-health-reporting", [ok]) == []
	t_verdicts("elasticbeanstalk-managed-updates-enabled", [ok]) == []
	bare := t_res(edge_eb_template, "bare", {})
	t_verdicts("elasticbeanstalk-enhanced-health-reporting", [bare]) == [["violation", "bare", "health reporting SystemType is 'basic'; expected 'enhanced'."]]
	t_verdicts("elasticbeanstalk-managed-updates-enabled", [bare]) == [
		["violation", "bare", "ManagedActionsEnabled is not 'true'."],
		["violation", "bare", "UpdateLevel is not set; expected 'minor' or 'patch'."],
	]
	major := t_res(edge_eb_template, "major", {"settings": [enabled, object.union(level, {"value": "major"})]})
	t_verdicts("elasticbeanstalk-managed-updates-enabled", [major]) == [["violation", "major", "UpdateLevel is 'major'; expected 'minor' or 'patch'."]]
	templated := t_res(edge_eb_environment, "templated", {"templateName": "t"})
	t_verdicts("elasticbeanstalk-enhanced-health-reporting", [templated]) == []
	t_verdicts("elasticbeanstalk-managed-updates-enabled", [templated]) == []
	unknown := t_res(edge_eb_environment, "u", {"settings": [object.union(health, {"value": t_unknown})]})
	t_verdicts("elasticbeanstalk-enhanced-health-reporting", [unknown]) == [edge_t_unverifiable("u", "props.settings.0.value")]
	t_verdicts("elasticbeanstalk-managed-updates-enabled", [t_res(edge_eb_environment, "u2", {"settings": t_unknown})]) == [edge_t_unverifiable("u2", "props.settings")]
}

test_edge_lambda_environment if {
	function := "aws:lambda/function:Function"
	t_verdicts("lambda-environment-encrypted-with-cmk", [t_res(function, "none", {})]) == []
	t_verdicts("lambda-environment-encrypted-with-cmk", [t_res(function, "ok", {"environment": {"variables": {"A": "b"}}, "kmsKeyArn": t_unknown})]) == []
	t_verdicts("lambda-environment-encrypted-with-cmk", [t_res(function, "bad", {"environment": {"variables": {"A": "b"}}, "kmsKeyArn": "alias/aws/lambda"})]) == [["violation", "bad", "the function has environment variables but kmsKeyArn is the AWS managed key 'alias/aws/lambda', not a customer managed key."]]
	t_verdicts("lambda-environment-encrypted-with-cmk", [t_res(function, "u", {"environment": {"variables": t_unknown}})]) == [edge_t_unverifiable("u", "props.environment.variables")]
}

test_edge_emr_subnets if {
	public := t_res(edge_subnet, "public", {"mapPublicIpOnLaunch": true})
	private := t_res(edge_subnet, "private", {})
	in_public := edge_t_deps(t_res(edge_emr_cluster, "in-public", {"ec2Attributes": {"subnetId": t_unknown}}), {"ec2Attributes": [public.urn]})
	in_private := edge_t_deps(t_res(edge_emr_cluster, "in-private", {"ec2Attributes": {"subnetId": t_unknown}}), {"ec2Attributes": [private.urn]})
	no_subnet := t_res(edge_emr_cluster, "default-vpc", {"ec2Attributes": {}})
	t_verdicts("emr-cluster-master-no-public-ip", [public, private, in_public, in_private, no_subnet]) == [
		["violation", "default-vpc", "ec2Attributes names no subnet, so the cluster launches in a public subnet of the default VPC."],
		["violation", "in-public", "the cluster launches in a public subnet: subnet 'public' assigns public IPs on launch (mapPublicIpOnLaunch)."],
	]

	# A route table whose default route goes to an internet gateway.
	table := t_res(edge_route_table, "rt", {"routes": [{"cidrBlock": "0.0.0.0/0", "gatewayId": "igw-1"}]})
	association := edge_t_deps(t_res(edge_route_table_association, "rta", {}), {"subnetId": [private.urn], "routeTableId": [table.urn]})
	t_verdicts("emr-cluster-master-no-public-ip", [private, table, association, in_private]) == [["violation", "in-private", "the cluster launches in a public subnet: subnet 'private' routes 0.0.0.0/0 to an internet gateway (route table 'rt')."]]
	unknown := t_merge(public, {"props": {"mapPublicIpOnLaunch": t_unknown}})
	t_verdicts("emr-cluster-master-no-public-ip", [unknown, in_public]) == [edge_t_unverifiable("public", "props.mapPublicIpOnLaunch")]
}

test_edge_analyzer_rules if {
	domain := t_res(edge_domain_name, "d", {"securityPolicy": "TLS_1_0"})
	deny_apigateway_domain_name_tls_1_2 == {"securityPolicy is 'TLS_1_0'; expected 'TLS_1_2' or later."} with input as t_analyzer_input(domain)
	acl := t_res(edge_web_acl, "acl", {})
	stack_deny_wafv2_web_acl_logging_enabled == {concat("", [acl.urn, ": no logging configuration is attached to this web ACL."])} with input as {"resources": [t_analyzer_input(acl)]}
}
