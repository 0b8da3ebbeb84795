import { HEADER, type ServiceCases } from "./support";

/** ElastiCache, Kinesis, SSM parameters, Secrets Manager rotation schedules, DynamoDB global tables and Classic Load Balancers. */
export default {
  service: "ElastiCache, Kinesis, SSM, Secrets Manager, DynamoDB replicas, Classic ELB",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const subnets = new aws.elasticache.SubnetGroup("cache-subnets", { subnetIds: ["subnet-0a", "subnet-0b"] });

new aws.elasticache.ReplicationGroup("ok-redis", {
  description: "sessions", nodeType: "cache.t4g.small", numCacheClusters: 2, subnetGroupName: subnets.name,
  atRestEncryptionEnabled: true, kmsKeyId: key.arn, transitEncryptionEnabled: true, snapshotRetentionLimit: 35,
});
new aws.elasticache.ReplicationGroup("bad-redis", { description: "cache", nodeType: "cache.t4g.small", numCacheClusters: 1 });
new aws.elasticache.ReplicationGroup("bad-redis-preferred", {
  description: "migrating", nodeType: "cache.t4g.small", subnetGroupName: "cache-subnets", atRestEncryptionEnabled: true,
  transitEncryptionEnabled: true, transitEncryptionMode: "preferred", snapshotRetentionLimit: 7,
});
new aws.elasticache.ReplicationGroup("unk-redis", {
  description: "unk", nodeType: "cache.t4g.small", subnetGroupName: subnets.name, atRestEncryptionEnabled: key.arn.apply(() => true), kmsKeyId: key.arn,
  transitEncryptionEnabled: key.arn.apply(() => true), snapshotRetentionLimit: key.arn.apply(() => 15),
});
new aws.elasticache.Cluster("ok-memcached", { engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 1, subnetGroupName: subnets.name, transitEncryptionEnabled: true });
new aws.elasticache.Cluster("bad-redis-node", { engine: "redis", nodeType: "cache.t4g.small", numCacheNodes: 1 });
new aws.elasticache.Cluster("replica-member", { replicationGroupId: "sessions" });
new aws.elasticache.ServerlessCache("ok-serverless", { engine: "valkey", name: "ok-serverless", kmsKeyId: key.arn });
new aws.elasticache.ServerlessCache("bad-serverless", { engine: "redis", name: "bad-serverless" });

new aws.kinesis.Stream("ok-stream", { encryptionType: "KMS", kmsKeyId: key.arn, streamModeDetails: { streamMode: "ON_DEMAND" } });
new aws.kinesis.Stream("bad-stream", { shardCount: 1 });
new aws.kinesis.Stream("bad-stream-aws-key", { shardCount: 1, encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" });
new aws.kinesis.Stream("unk-stream", { shardCount: 1, encryptionType: key.arn.apply(() => "KMS"), kmsKeyId: key.arn });

new aws.ssm.Parameter("ok-secure-parameter", { name: "/clinic/db/password", type: "SecureString", value: "placeholder", keyId: key.arn });
new aws.ssm.Parameter("ok-plain-parameter", { name: "/clinic/feature-flags", type: "String", value: "on" });
new aws.ssm.Parameter("bad-secret-as-string", { name: "/clinic/api-key", type: "String", value: "abc" });
new aws.ssm.Parameter("bad-secure-aws-key", { name: "/clinic/token", type: "SecureString", value: "abc" });
new aws.ssm.Parameter("unk-parameter", { name: "/clinic/unk", type: key.arn.apply(() => "SecureString"), value: "abc", keyId: key.arn });

const secret = new aws.secretsmanager.Secret("rotated-secret", { kmsKeyId: key.arn });
const rotation = { secretId: secret.id, rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:rotate" };
new aws.secretsmanager.SecretRotation("ok-rotation-days", { ...rotation, rotationRules: { automaticallyAfterDays: 30 } });
new aws.secretsmanager.SecretRotation("ok-rotation-rate", { ...rotation, rotationRules: { scheduleExpression: "rate(10 days)" } });
new aws.secretsmanager.SecretRotation("ok-rotation-cron", { ...rotation, rotationRules: { scheduleExpression: "cron(0 4 1 * ? *)" } });
new aws.secretsmanager.SecretRotation("bad-rotation-days", { ...rotation, rotationRules: { automaticallyAfterDays: 365 } });
new aws.secretsmanager.SecretRotation("bad-rotation-cron", { ...rotation, rotationRules: { scheduleExpression: "cron(0 4 1 1 ? *)" } });
new aws.secretsmanager.SecretRotation("unk-rotation", { ...rotation, rotationRules: { automaticallyAfterDays: key.arn.apply(() => 30) } });

const attrs = { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST" };
new aws.dynamodb.Table("ok-global-table", { ...attrs, streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES", replicas: [{ regionName: "us-west-2" }], tags: phi });
const separate = new aws.dynamodb.Table("ok-table-with-replica-resource", { ...attrs, streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES", tags: phi });
new aws.dynamodb.TableReplica("separate-replica", { globalTableArn: separate.arn, region: "us-west-2" });
new aws.dynamodb.Table("bad-regional-phi-table", { ...attrs, tags: phi });
new aws.dynamodb.Table("internal-table", { ...attrs, tags: { "data-classification": "internal" } });

const listener = [{ instancePort: 443, instanceProtocol: "https", lbPort: 443, lbProtocol: "https", sslCertificateId: "arn:aws:acm:us-east-1:123456789012:certificate/1" }];
new aws.elb.LoadBalancer("ok-classic-lb", { availabilityZones: ["us-east-1a", "us-east-1b"], listeners: listener });
new aws.elb.LoadBalancer("bad-classic-lb", { availabilityZones: ["us-east-1a", "us-east-1b"], listeners: listener, crossZoneLoadBalancing: false });
new aws.elb.LoadBalancer("unk-classic-lb", { availabilityZones: ["us-east-1a"], listeners: listener, crossZoneLoadBalancing: key.arn.apply(() => true) });
`,
  cases: [
    { rule: "elasticache-redis-automatic-backup-enabled", pass: ["ok-redis"], fail: ["bad-redis", "bad-redis-preferred", "bad-redis-node"], unknown: ["unk-redis"], notApplicable: ["ok-memcached", "replica-member"] },
    { rule: "elasticache-encrypted-at-rest-with-cmk", pass: ["ok-redis", "ok-serverless"], fail: ["bad-redis", "bad-redis-preferred", "bad-serverless"], unknown: ["unk-redis"] },
    { rule: "elasticache-encrypted-in-transit", pass: ["ok-redis", "ok-memcached"], fail: ["bad-redis", "bad-redis-preferred", "bad-redis-node"], unknown: ["unk-redis"], notApplicable: ["replica-member"] },
    { rule: "elasticache-in-vpc-subnet-group", pass: ["ok-redis", "bad-redis-preferred", "unk-redis", "ok-memcached"], fail: ["bad-redis", "bad-redis-node"], notApplicable: ["replica-member"] },
    { rule: "kinesis-stream-encrypted-with-kms", pass: ["ok-stream"], fail: ["bad-stream", "bad-stream-aws-key"], unknown: ["unk-stream"] },
    { rule: "ssm-parameter-secrets-secure-string-with-cmk", pass: ["ok-secure-parameter", "ok-plain-parameter"], fail: ["bad-secret-as-string", "bad-secure-aws-key"], unknown: ["unk-parameter"] },
    { rule: "secretsmanager-rotation-within-90-days", pass: ["ok-rotation-days", "ok-rotation-rate", "ok-rotation-cron"], fail: ["bad-rotation-days", "bad-rotation-cron"], unknown: ["unk-rotation"] },
    { rule: "dynamodb-table-replicated-for-phi", pass: ["ok-global-table", "ok-table-with-replica-resource", "internal-table"], fail: ["bad-regional-phi-table"] },
    { rule: "elb-classic-cross-zone-load-balancing", pass: ["ok-classic-lb"], fail: ["bad-classic-lb"], unknown: ["unk-classic-lb"] },
  ],
} satisfies ServiceCases;
