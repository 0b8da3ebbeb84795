import { HEADER, type ServiceCases } from "./support";

export default {
  service: "DynamoDB, SQS, SNS, Secrets Manager, EFS and ECR",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const attrs = { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST" };
new aws.dynamodb.Table("ok-table", { ...attrs, serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }, pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true, tags: phi });
new aws.dynamodb.Table("bad-table", attrs);
new aws.dynamodb.Table("bad-table-aws-key", { ...attrs, serverSideEncryption: { enabled: true }, pointInTimeRecovery: { enabled: false }, deletionProtectionEnabled: false });
const provisioned = { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 5, serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }, pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true };
const scaled = new aws.dynamodb.Table("ok-autoscaled-table", provisioned);
new aws.appautoscaling.Target("scaled-reads", { resourceId: pulumi.interpolate\`table/\${scaled.name}\`, scalableDimension: "dynamodb:table:ReadCapacityUnits", serviceNamespace: "dynamodb", minCapacity: 5, maxCapacity: 100 });
new aws.dynamodb.Table("bad-fixed-capacity-table", provisioned);
new aws.dynamodb.Table("unk-table", { ...attrs, serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }, pointInTimeRecovery: { enabled: key.arn.apply(() => true) }, deletionProtectionEnabled: true });

const dlq = new aws.sqs.Queue("ok-dlq", { kmsMasterKeyId: key.arn });
const tlsOnly = (resource: string) => doc([{ Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: resource, Condition: { Bool: { "aws:SecureTransport": "false" } } }]);
new aws.sqs.QueuePolicy("ok-dlq-policy", { queueUrl: dlq.url, policy: tlsOnly("*") });
const okQueue = new aws.sqs.Queue("ok-queue", { kmsMasterKeyId: key.arn, redrivePolicy: dlq.arn.apply((arn) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 5 })) });
new aws.sqs.QueuePolicy("ok-queue-policy", { queueUrl: okQueue.url, policy: tlsOnly("*") });
new aws.sqs.Queue("ok-inline-policy-queue", { name: "inline", kmsMasterKeyId: key.arn, policy: tlsOnly("arn:aws:sqs:us-east-1:123456789012:inline"), redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:dlq", maxReceiveCount: 3 }) });
new aws.sqs.Queue("bad-queue", { sqsManagedSseEnabled: true });
const unknownPolicy = new aws.sqs.Queue("unk-policy-queue", { kmsMasterKeyId: key.arn, redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:dlq", maxReceiveCount: 3 }) });
new aws.sqs.QueuePolicy("unk-queue-policy", { queueUrl: unknownPolicy.url, policy: unknownPolicy.arn.apply((arn) => tlsOnly(arn)) });

new aws.sns.Topic("ok-topic", { kmsMasterKeyId: key.arn });
new aws.sns.Topic("bad-topic");
new aws.sns.Topic("bad-topic-aws-key", { kmsMasterKeyId: "alias/aws/sns" });

const okSecret = new aws.secretsmanager.Secret("ok-secret", { kmsKeyId: key.arn });
new aws.secretsmanager.SecretRotation("ok-rotation", { secretId: okSecret.id, rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:rotate", rotationRules: { automaticallyAfterDays: 30 } });
new aws.secretsmanager.Secret("named-secret", { name: "clinic/api", kmsKeyId: key.arn });
new aws.secretsmanager.SecretRotation("named-rotation", { secretId: "clinic/api", rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:rotate", rotationRules: { automaticallyAfterDays: 30 } });
new aws.secretsmanager.Secret("bad-secret");

new aws.ssm.Document("ok-document", { documentType: "Command", content: "{}", permissions: { type: "Share", accountIds: "111122223333" } });
new aws.ssm.Document("bad-public-document", { documentType: "Command", content: "{}", permissions: { type: "Share", accountIds: "All" } });
new aws.efs.FileSystem("ok-efs", { encrypted: true, kmsKeyId: key.arn });
new aws.efs.FileSystem("bad-efs");
new aws.efs.FileSystem("bad-efs-default-key", { encrypted: true });

new aws.ecr.Repository("ok-repo", { imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE", encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.arn }] });
new aws.ecr.Repository("bad-repo");
new aws.ecr.Repository("unk-repo", { imageScanningConfiguration: { scanOnPush: key.arn.apply(() => true) }, imageTagMutability: key.arn.apply(() => "IMMUTABLE"), encryptionConfigurations: [{ encryptionType: "KMS" }] });
`,
  cases: [
    { rule: "dynamodb-table-encrypted-with-cmk", pass: ["ok-table", "unk-table"], fail: ["bad-table", "bad-table-aws-key"] },
    { rule: "dynamodb-point-in-time-recovery-enabled", pass: ["ok-table"], fail: ["bad-table", "bad-table-aws-key"], unknown: ["unk-table"] },
    { rule: "dynamodb-deletion-protection-enabled", pass: ["ok-table", "unk-table"], fail: ["bad-table", "bad-table-aws-key"] },
    { rule: "dynamodb-table-on-demand-or-autoscaled", pass: ["ok-table", "bad-table", "ok-autoscaled-table"], fail: ["bad-fixed-capacity-table"] },
    { rule: "ssm-document-not-public", pass: ["ok-document"], fail: ["bad-public-document"] },
    { rule: "sqs-queue-encrypted-with-kms", pass: ["ok-dlq", "ok-queue", "ok-inline-policy-queue"], fail: ["bad-queue"] },
    { rule: "sqs-queue-has-dead-letter-queue", pass: ["ok-dlq", "ok-queue", "ok-inline-policy-queue", "unk-policy-queue"], fail: ["bad-queue"] },
    {
      rule: "sqs-queue-policy-requires-tls",
      pass: ["ok-dlq", "ok-queue", "ok-inline-policy-queue"],
      fail: ["bad-queue"],
      unknown: ["unk-queue-policy"],
    },
    { rule: "sns-topic-encrypted-with-kms", pass: ["ok-topic"], fail: ["bad-topic", "bad-topic-aws-key"] },
    { rule: "secretsmanager-secret-encrypted-with-cmk", pass: ["ok-secret", "named-secret"], fail: ["bad-secret"] },
    { rule: "secretsmanager-secret-rotation-enabled", pass: ["ok-secret", "named-secret"], fail: ["bad-secret"] },
    { rule: "efs-file-system-encrypted-with-cmk", pass: ["ok-efs"], fail: ["bad-efs", "bad-efs-default-key"] },
    { rule: "ecr-repository-scan-on-push", pass: ["ok-repo"], fail: ["bad-repo"], unknown: ["unk-repo"] },
    { rule: "ecr-repository-tags-immutable", pass: ["ok-repo"], fail: ["bad-repo"], unknown: ["unk-repo"] },
    { rule: "ecr-repository-encrypted-with-kms", pass: ["ok-repo", "unk-repo"], fail: ["bad-repo"] },
  ],
} satisfies ServiceCases;
