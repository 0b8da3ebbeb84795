import { HEADER, type ServiceCases } from "./support";

const PROJECT = `serviceRole: "arn:aws:iam::123456789012:role/build", artifacts: { type: "NO_ARTIFACTS" }`;
const ENVIRONMENT = `computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER"`;

/** CodeBuild projects and DMS replication instances and endpoints. */
export default {
  service: "CodeBuild and DMS",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });

new aws.codebuild.Project("ok-project", {
  ${PROJECT}, encryptionKey: key.arn,
  environment: { ${ENVIRONMENT}, environmentVariables: [
    { name: "AWS_ACCESS_KEY_ID", value: "/build/key-id", type: "PARAMETER_STORE" },
    { name: "STAGE", value: "prod" },
  ] },
  source: { type: "GITHUB", location: "https://github.com/example/clinic.git" },
  secondarySources: [{ sourceIdentifier: "lib", type: "CODECOMMIT", location: "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/lib" }],
});
new aws.codebuild.Project("bad-project", {
  serviceRole: "arn:aws:iam::123456789012:role/build", artifacts: { type: "S3", location: "artifacts-bucket", encryptionDisabled: true },
  environment: { ${ENVIRONMENT}, environmentVariables: [
    { name: "AWS_ACCESS_KEY_ID", value: "AKIAIOSFODNN7EXAMPLE" },
    { name: "AWS_SECRET_ACCESS_KEY", value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", type: "PLAINTEXT" },
  ] },
  source: { type: "GITHUB", location: "https://builder:ghp_token123@github.com/example/clinic.git" },
});
new aws.codebuild.Project("bad-project-secondary-source", {
  ${PROJECT}, encryptionKey: "alias/aws/s3",
  environment: { ${ENVIRONMENT} },
  source: { type: "NO_SOURCE", buildspec: "version: 0.2" },
  secondarySources: [{ sourceIdentifier: "lib", type: "BITBUCKET", location: "https://user@bitbucket.org/example/lib.git" }],
});
new aws.codebuild.Project("unk-project", {
  ${PROJECT}, encryptionKey: key.arn,
  environment: { ${ENVIRONMENT}, environmentVariables: [{ name: key.arn.apply(() => "AWS_SECRET_ACCESS_KEY"), value: "x" }] },
  source: { type: "GITHUB", location: key.arn.apply(() => "https://github.com/example/clinic.git") },
});

new aws.dms.ReplicationInstance("ok-dms", { replicationInstanceClass: "dms.t3.medium", replicationInstanceId: "ok", publiclyAccessible: false, kmsKeyArn: key.arn });
new aws.dms.ReplicationInstance("bad-dms", { replicationInstanceClass: "dms.t3.medium", replicationInstanceId: "bad" });
new aws.dms.ReplicationInstance("bad-dms-public", { replicationInstanceClass: "dms.t3.medium", replicationInstanceId: "public", publiclyAccessible: true, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/aws/dms" });
new aws.dms.ReplicationInstance("unk-dms", { replicationInstanceClass: "dms.t3.medium", replicationInstanceId: "unk", publiclyAccessible: key.arn.apply(() => false), kmsKeyArn: key.arn });

new aws.dms.Endpoint("ok-endpoint", { endpointId: "source", endpointType: "source", engineName: "postgres", sslMode: "verify-full", serverName: "db.internal", port: 5432, databaseName: "ehr", username: "dms", password: "placeholder-1234" });
new aws.dms.Endpoint("bad-endpoint", { endpointId: "target", endpointType: "target", engineName: "aurora-postgresql", serverName: "db2.internal", port: 5432, databaseName: "ehr", username: "dms", password: "placeholder-1234" });
new aws.dms.Endpoint("s3-endpoint", { endpointId: "lake", endpointType: "target", engineName: "s3" });
new aws.dms.Endpoint("unk-endpoint", { endpointId: "unk", endpointType: "source", engineName: "mysql", sslMode: key.arn.apply(() => "require"), serverName: "db3.internal", port: 3306, username: "dms", password: "placeholder-1234" });
`,
  cases: [
    { rule: "codebuild-project-no-plaintext-aws-credentials", pass: ["ok-project", "bad-project-secondary-source"], fail: ["bad-project"], unknown: ["unk-project"] },
    { rule: "codebuild-project-source-without-credentials", pass: ["ok-project"], fail: ["bad-project", "bad-project-secondary-source"], unknown: ["unk-project"] },
    { rule: "codebuild-project-encrypted-with-cmk", pass: ["ok-project", "unk-project"], fail: ["bad-project", "bad-project-secondary-source"] },
    { rule: "dms-replication-instance-not-public", pass: ["ok-dms"], fail: ["bad-dms", "bad-dms-public"], unknown: ["unk-dms"] },
    { rule: "dms-replication-instance-encrypted-with-cmk", pass: ["ok-dms", "unk-dms"], fail: ["bad-dms", "bad-dms-public"] },
    { rule: "dms-endpoint-ssl-enabled", pass: ["ok-endpoint"], fail: ["bad-endpoint"], unknown: ["unk-endpoint"], notApplicable: ["s3-endpoint"] },
  ],
} satisfies ServiceCases;
