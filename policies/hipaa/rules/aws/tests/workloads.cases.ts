import { HEADER, type ServiceCases } from "./support";

/** Test certificates made with openssl: a 2048-bit RSA key valid until 2126, a 1024-bit RSA key valid until 2126, and a P-256 key that expired in 2021. */
const GOOD_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIDGTCCAgGgAwIBAgIUf69gRQdIi1Ek1jTU/os62uRJRuQwDQYJKoZIhvcNAQEL",
  "BQAwGzEZMBcGA1UEAwwQZ29vZC5leGFtcGxlLm9yZzAgFw0yNjExMjIwMDMzMjda",
  "GA8yMTI2MTAyOTAwMzMyN1owGzEZMBcGA1UEAwwQZ29vZC5leGFtcGxlLm9yZzCC",
  "ASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAK4hVXROdJg0xUB81D3q/SiE",
  "MWCm42GZMOtKcypSziR/Wk8AwjynLwEuZ3qzXx7zT50Axq8Q7ea68vtDCwKZKlr7",
  "BRxpP5mVTAfsJCptPXGS/I2FfkDxigUn8od0vXVq+/chkN11mtRUAOTnhTnkyIL4",
  "tFLxu8G/sOTCeLZ+23LCYTDwZQHcVuX2wPFF1Uk6SpGF/+qQxVW2MwHc/R//69FB",
  "CFwr9YcM7FNB0JNGBOpJ9dJglY03iVtx/IvTJZcIXu+pld2nXk3J36ERKTWKVq/x",
  "vlbuLsm3rTcIsm/irDTMrUh49Nd+EQMrRJLZWebBOg11edr3ksf6IqE4KrkMEo0C",
  "AwEAAaNTMFEwHQYDVR0OBBYEFJQQZtasw3uq91qN8UEEDP7f/n/DMB8GA1UdIwQY",
  "MBaAFJQQZtasw3uq91qN8UEEDP7f/n/DMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZI",
  "hvcNAQELBQADggEBAA8uPPYhGT6DECTKorwSRC2Pt6JXWIRUV3TqHeIY93jlh1Wh",
  "hQp8rfQ4xPXg9vC8UEuTrvXvAR4S+a1Afw58jKi/APSKvjepawfIR2k/G6+74qSm",
  "Gqi6XeDxPHfx0sxweQc9Hre+gZuNVHaizVkJMD88jOFRiRXxJcDPuPq0r+IOrnC3",
  "+SsXOMkcy3+AaticoHQJx7BUgjLHGHw0jD6kPPctWFruiJ4c/Pcaa8ZhiEsEVwxS",
  "GZgrOaZrU0mBZE2RTfiLBz46XYJu4XU7GDvDmKnGdmIvbqpxqBCYctmiWMaEK4Ob",
  "CLAyhur+N3/6KzZD2/vaFx5S+WOrYPaeetJIta4=",
  "-----END CERTIFICATE-----",
].join("\n");
const WEAK_PEM = [
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
].join("\n");
const EXPIRED_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIBGjCBwgIBATAKBggqhkjOPQQDAjAaMRgwFgYDVQQDDA9vbGQuZXhhbXBsZS5v",
  "cmcwHhcNMjAwMTAxMDAwMDAwWhcNMjEwMTAxMDAwMDAwWjAaMRgwFgYDVQQDDA9v",
  "bGQuZXhhbXBsZS5vcmcwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARPO83a7tn6",
  "KmXb1+OzYaNyucD/D/sBwIDnQpBS6JOZsvVsv36r2JpivtWXiXh9UawwsNEz4PhL",
  "O6X86sijtHvmMAoGCCqGSM49BAMCA0cAMEQCIAKSzg69Ijpu8f5h3EtNDQ25NsN2",
  "qlsD5YA91lZw7U0pAiBuMcQirHUih5G7rGRBhjyNhzJJb+3Du7RQuUhiFicRhw==",
  "-----END CERTIFICATE-----",
].join("\n");

/** SageMaker, ECS task definitions, Elastic Beanstalk environments and ACM certificates. */
export default {
  service: "SageMaker, ECS, Elastic Beanstalk and ACM",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const variants = [{ variantName: "main", modelName: "triage", initialInstanceCount: 1, instanceType: "ml.m5.large" }];
new aws.sagemaker.EndpointConfiguration("ok-endpoint-config", { productionVariants: variants, kmsKeyArn: key.arn });
new aws.sagemaker.EndpointConfiguration("bad-endpoint-config", { productionVariants: variants });
const notebook = { instanceType: "ml.t3.medium", roleArn: "arn:aws:iam::123456789012:role/notebook" };
new aws.sagemaker.NotebookInstance("ok-notebook", { ...notebook, kmsKeyId: key.arn, directInternetAccess: "Disabled", rootAccess: "Disabled", subnetId: "subnet-0a", securityGroups: ["sg-0a"] });
new aws.sagemaker.NotebookInstance("bad-notebook", notebook);
new aws.sagemaker.NotebookInstance("unk-notebook", { ...notebook, kmsKeyId: key.arn, subnetId: "subnet-0a", directInternetAccess: key.arn.apply(() => "Disabled"), rootAccess: key.arn.apply(() => "Disabled") });

const hardened = { name: "app", image: "example/app@sha256:abc", user: "1000:1000", readonlyRootFilesystem: true };
new aws.ecs.TaskDefinition("ok-task", {
  family: "ok", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
  containerDefinitions: JSON.stringify([hardened, { ...hardened, name: "sidecar", user: "nobody" }]),
  volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-0a", transitEncryption: "ENABLED" } }],
});
new aws.ecs.TaskDefinition("bad-task", {
  family: "bad", networkMode: "host",
  containerDefinitions: JSON.stringify([{ name: "agent", image: "example/agent:latest", privileged: true }, { name: "root", image: "example/root:1", user: "0:0", readonlyRootFilesystem: false }]),
  volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-0a" } }],
});
new aws.ecs.TaskDefinition("bridge-task", { family: "bridge", containerDefinitions: JSON.stringify([hardened]) });
new aws.ecs.TaskDefinition("unk-task", { family: "unk", networkMode: key.arn.apply(() => "awsvpc"), containerDefinitions: key.arn.apply(() => JSON.stringify([hardened])) });

const app = new aws.elasticbeanstalk.Application("eb-app", { name: "portal" });
const managed = [
  { namespace: "aws:elasticbeanstalk:healthreporting:system", name: "SystemType", value: "enhanced" },
  { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled", value: "true" },
  { namespace: "aws:elasticbeanstalk:managedactions", name: "PreferredStartTime", value: "Sun:05:00" },
  { namespace: "aws:elasticbeanstalk:managedactions:platformupdate", name: "UpdateLevel", value: "minor" },
];
new aws.elasticbeanstalk.Environment("ok-environment", { application: app.name, solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", settings: managed });
new aws.elasticbeanstalk.Environment("bad-environment", { application: app.name, solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", settings: [{ namespace: "aws:elasticbeanstalk:managedactions:platformupdate", name: "UpdateLevel", value: "major" }] });
new aws.elasticbeanstalk.ConfigurationTemplate("ok-template", { application: app.name, solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", settings: managed });
new aws.elasticbeanstalk.Environment("templated-environment", { application: app.name, templateName: "ok-template" });
new aws.elasticbeanstalk.Environment("unk-environment", { application: app.name, solutionStackName: "64bit Amazon Linux 2023 v6.1.0 running Node.js 20", settings: [
  { namespace: "aws:elasticbeanstalk:healthreporting:system", name: "SystemType", value: key.arn.apply(() => "enhanced") },
  { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled", value: key.arn.apply(() => "true") },
  { namespace: "aws:elasticbeanstalk:managedactions:platformupdate", name: "UpdateLevel", value: "patch" },
] });

new aws.acm.Certificate("ok-certificate", { domainName: "portal.example.org", validationMethod: "DNS" });
new aws.acm.Certificate("ok-imported-certificate", { certificateBody: ${JSON.stringify(GOOD_PEM)}, privateKey: "placeholder" });
new aws.acm.Certificate("bad-certificate", { domainName: "legacy.example.org", validationMethod: "EMAIL", keyAlgorithm: "RSA_1024", options: { certificateTransparencyLoggingPreference: "DISABLED" } });
new aws.acm.Certificate("bad-imported-weak-certificate", { certificateBody: ${JSON.stringify(WEAK_PEM)}, privateKey: "placeholder" });
new aws.acm.Certificate("bad-imported-expired-certificate", { certificateBody: ${JSON.stringify(EXPIRED_PEM)}, privateKey: "placeholder" });
new aws.acm.Certificate("private-certificate", { domainName: "db.internal", certificateAuthorityArn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/1", keyAlgorithm: "EC_prime256v1" });
new aws.acm.Certificate("unk-requested-certificate", { domainName: "unk.example.org", validationMethod: key.arn.apply(() => "DNS"), keyAlgorithm: key.arn.apply(() => "RSA_2048"), options: { certificateTransparencyLoggingPreference: key.arn.apply(() => "ENABLED") } });
new aws.acm.Certificate("unk-imported-certificate", { certificateBody: key.arn.apply(() => ${JSON.stringify(GOOD_PEM)}), privateKey: "placeholder" });
`,
  cases: [
    { rule: "sagemaker-endpoint-configuration-encrypted-with-kms", pass: ["ok-endpoint-config"], fail: ["bad-endpoint-config"] },
    { rule: "sagemaker-notebook-encrypted-with-kms", pass: ["ok-notebook", "unk-notebook"], fail: ["bad-notebook"] },
    { rule: "sagemaker-notebook-no-direct-internet-access", pass: ["ok-notebook"], fail: ["bad-notebook"], unknown: ["unk-notebook"] },
    { rule: "sagemaker-notebook-in-vpc", pass: ["ok-notebook", "unk-notebook"], fail: ["bad-notebook"] },
    { rule: "sagemaker-notebook-root-access-disabled", pass: ["ok-notebook"], fail: ["bad-notebook"], unknown: ["unk-notebook"] },
    { rule: "ecs-task-definition-no-privileged-containers", pass: ["ok-task", "bridge-task"], fail: ["bad-task"], unknown: ["unk-task"] },
    { rule: "ecs-task-definition-non-root-user", pass: ["ok-task", "bridge-task"], fail: ["bad-task"], unknown: ["unk-task"] },
    { rule: "ecs-task-definition-read-only-root-filesystem", pass: ["ok-task", "bridge-task"], fail: ["bad-task"], unknown: ["unk-task"] },
    { rule: "ecs-task-definition-awsvpc-network-mode", pass: ["ok-task"], fail: ["bad-task", "bridge-task"], unknown: ["unk-task"] },
    { rule: "ecs-task-definition-efs-transit-encryption", pass: ["ok-task"], fail: ["bad-task"], notApplicable: ["bridge-task", "unk-task"] },
    { rule: "elasticbeanstalk-enhanced-health-reporting", pass: ["ok-environment", "ok-template"], fail: ["bad-environment"], unknown: ["unk-environment"], notApplicable: ["templated-environment"] },
    { rule: "elasticbeanstalk-managed-updates-enabled", pass: ["ok-environment", "ok-template"], fail: ["bad-environment"], unknown: ["unk-environment"], notApplicable: ["templated-environment"] },
    { rule: "acm-certificate-transparency-logging-enabled", pass: ["ok-certificate", "private-certificate"], fail: ["bad-certificate"], unknown: ["unk-requested-certificate"], notApplicable: ["ok-imported-certificate", "unk-imported-certificate"] },
    { rule: "acm-certificate-key-algorithm-strong", pass: ["ok-certificate", "ok-imported-certificate", "private-certificate", "bad-imported-expired-certificate"], fail: ["bad-certificate", "bad-imported-weak-certificate"], unknown: ["unk-imported-certificate", "unk-requested-certificate"] },
    { rule: "acm-certificate-renews-before-expiry", pass: ["ok-certificate", "ok-imported-certificate", "bad-imported-weak-certificate"], fail: ["bad-certificate", "bad-imported-expired-certificate"], unknown: ["unk-imported-certificate", "unk-requested-certificate"], notApplicable: ["private-certificate"] },
  ],
} satisfies ServiceCases;
