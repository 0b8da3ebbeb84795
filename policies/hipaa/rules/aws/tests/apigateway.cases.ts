import { HEADER, type ServiceCases } from "./support";

/** API Gateway REST API stages, method settings and custom domain names. */
export default {
  service: "API Gateway",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const api = new aws.apigateway.RestApi("api", { name: "clinic" });
const deployment = new aws.apigateway.Deployment("deployment", { restApi: api.id });
const logs = new aws.cloudwatch.LogGroup("api-logs", { retentionInDays: 365, kmsKeyId: key.arn });
const cert = new aws.apigateway.ClientCertificate("backend-cert", {});
const acl = new aws.wafv2.WebAcl("api-acl", { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "acl", sampledRequestsEnabled: true } });

const okStage = new aws.apigateway.Stage("ok-stage", {
  restApi: api.id, deployment: deployment.id, stageName: "prod", xrayTracingEnabled: true, clientCertificateId: cert.id,
  cacheClusterEnabled: true, cacheClusterSize: "0.5", accessLogSettings: { destinationArn: logs.arn, format: "$context.requestId" },
});
new aws.apigateway.MethodSettings("ok-stage-settings", { restApi: api.id, stageName: okStage.stageName, methodPath: "*/*", settings: { loggingLevel: "ERROR", metricsEnabled: true, cachingEnabled: true, cacheDataEncrypted: true } });
new aws.wafv2.WebAclAssociation("ok-stage-waf", { resourceArn: okStage.arn, webAclArn: acl.arn });

const badStage = new aws.apigateway.Stage("bad-stage", { restApi: api.id, deployment: deployment.id, stageName: "dev", cacheClusterEnabled: true });
new aws.apigateway.MethodSettings("bad-stage-settings", { restApi: api.id, stageName: badStage.stageName, methodPath: "*/*", settings: { loggingLevel: "OFF", dataTraceEnabled: true, cachingEnabled: true } });

// Method settings joined by a literal stage name on the same REST API.
new aws.apigateway.Stage("named-stage", { restApi: api.id, deployment: deployment.id, stageName: "named", xrayTracingEnabled: true, clientCertificateId: "abc123", accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:api", format: "$context.requestId" } });
new aws.apigateway.MethodSettings("named-stage-settings", { restApi: api.id, stageName: "named", methodPath: "*/*", settings: { loggingLevel: "INFO" } });
new aws.wafv2.WebAclAssociation("named-stage-waf", { resourceArn: "arn:aws:apigateway:us-east-1::/restapis/abc/stages/named", webAclArn: acl.arn });

const unkStage = new aws.apigateway.Stage("unk-stage", { restApi: api.id, deployment: deployment.id, stageName: "unk", xrayTracingEnabled: key.arn.apply(() => true) });
new aws.apigateway.MethodSettings("unk-stage-settings", { restApi: api.id, stageName: unkStage.stageName, methodPath: "*/*", settings: { loggingLevel: key.arn.apply(() => "ERROR"), dataTraceEnabled: key.arn.apply(() => false) } });
new aws.apigateway.Stage("unk-cache-stage", { restApi: api.id, deployment: deployment.id, stageName: "unk-cache", cacheClusterEnabled: key.arn.apply(() => true) });

const privateApi = new aws.apigateway.RestApi("private-api", { endpointConfiguration: { types: "PRIVATE" } });
const privateDeployment = new aws.apigateway.Deployment("private-deployment", { restApi: privateApi.id });
new aws.apigateway.Stage("private-stage", { restApi: privateApi.id, deployment: privateDeployment.id, stageName: "internal" });

new aws.apigateway.DomainName("ok-domain", { domainName: "api.example.org", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", securityPolicy: "TLS_1_2" });
new aws.apigateway.DomainName("ok-domain-enhanced", { domainName: "api2.example.org", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" });
new aws.apigateway.DomainName("bad-domain", { domainName: "old.example.org", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", securityPolicy: "TLS_1_0" });
new aws.apigateway.DomainName("bad-domain-default", { domainName: "default.example.org", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1" });
new aws.apigateway.DomainName("unk-domain", { domainName: "unk.example.org", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", securityPolicy: key.arn.apply(() => "TLS_1_2") });
`,
  cases: [
    { rule: "apigateway-stage-execution-logging-enabled", pass: ["ok-stage", "named-stage"], fail: ["bad-stage", "private-stage", "unk-cache-stage"], unknown: ["unk-stage-settings"] },
    { rule: "apigateway-method-settings-no-data-trace", pass: ["ok-stage-settings", "named-stage-settings"], fail: ["bad-stage-settings"], unknown: ["unk-stage-settings"] },
    { rule: "apigateway-stage-access-logging-enabled", pass: ["ok-stage", "named-stage"], fail: ["bad-stage", "unk-stage", "private-stage", "unk-cache-stage"] },
    { rule: "apigateway-stage-client-certificate-configured", pass: ["ok-stage", "named-stage"], fail: ["bad-stage", "unk-stage", "private-stage", "unk-cache-stage"] },
    { rule: "apigateway-stage-waf-associated", pass: ["ok-stage", "named-stage", "private-stage"], fail: ["bad-stage", "unk-stage", "unk-cache-stage"] },
    { rule: "apigateway-stage-cache-encrypted", pass: ["ok-stage", "named-stage", "unk-stage", "private-stage"], fail: ["bad-stage"], unknown: ["unk-cache-stage"] },
    { rule: "apigateway-stage-xray-tracing-enabled", pass: ["ok-stage", "named-stage"], fail: ["bad-stage", "private-stage", "unk-cache-stage"], unknown: ["unk-stage"] },
    { rule: "apigateway-domain-name-tls-1-2", pass: ["ok-domain", "ok-domain-enhanced"], fail: ["bad-domain", "bad-domain-default"], unknown: ["unk-domain"] },
  ],
} satisfies ServiceCases;
