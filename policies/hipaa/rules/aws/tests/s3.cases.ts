import { HEADER, type ServiceCases } from "./support";

export default {
  service: "S3",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const kms = { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn };
const tlsPolicy = (name: string, extra: unknown[] = []) => doc([
  { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
    Resource: [\`arn:aws:s3:::\${name}\`, \`arn:aws:s3:::\${name}/*\`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
  { Sid: "DenyOldTls", Effect: "Deny", Principal: { AWS: "*" }, Action: "*",
    Resource: [\`arn:aws:s3:::\${name}\`, \`arn:aws:s3:::\${name}/*\`], Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } },
  ...extra,
]);

// Access-log bucket, joined by its literal name; exempt from access logging (it receives logs).
const logBucket = new aws.s3.Bucket("log-bucket", { bucket: "central-logs", tags: { "data-classification": "internal" } });
new aws.s3.BucketServerSideEncryptionConfiguration("log-sse", { bucket: "central-logs", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
new aws.s3.BucketVersioning("log-versioning", { bucket: "central-logs", versioningConfiguration: { status: "Enabled" } });
new aws.s3.BucketPublicAccessBlock("log-pab", { bucket: logBucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketPolicy("log-policy", { bucket: logBucket.id, policy: tlsPolicy("central-logs") });
new aws.s3.BucketOwnershipControls("log-ownership", { bucket: logBucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });

function protect(name: string, bucket: aws.s3.Bucket, bucketName: string) {
  new aws.s3.BucketServerSideEncryptionConfiguration(\`\${name}-sse\`, { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: kms, bucketKeyEnabled: true }] });
  new aws.s3.BucketVersioning(\`\${name}-versioning\`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
  new aws.s3.BucketLogging(\`\${name}-logging\`, { bucket: bucket.id, targetBucket: logBucket.id, targetPrefix: \`\${name}/\` });
  new aws.s3.BucketPublicAccessBlock(\`\${name}-pab\`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  new aws.s3.BucketObjectLockConfiguration(\`\${name}-lock\`, { bucket: bucket.id, rule: { defaultRetention: { mode: "GOVERNANCE", days: 365 } } });
  new aws.s3.BucketPolicy(\`\${name}-policy\`, { bucket: bucket.id, policy: tlsPolicy(bucketName) });
  new aws.s3.BucketLifecycleConfiguration(\`\${name}-lifecycle\`, { bucket: bucket.id, rules: [{ id: "noncurrent", status: "Enabled", filter: {}, noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: "GLACIER_IR" }] }] });
  new aws.s3.BucketOwnershipControls(\`\${name}-ownership\`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
}

const replica = new aws.s3.Bucket("replica", { bucket: "phi-replica", objectLockEnabled: true, tags: phi });
protect("replica", replica, "phi-replica");
const okPhi = new aws.s3.Bucket("ok-phi", { bucket: "phi-records", objectLockEnabled: true, tags: phi });
protect("ok-phi", okPhi, "phi-records");
new aws.s3.BucketReplicationConfig("ok-phi-replication", {
  bucket: okPhi.id, role: "arn:aws:iam::123456789012:role/replication",
  rules: [{ id: "all", status: "Enabled", filter: {}, deleteMarkerReplication: { status: "Enabled" }, destination: { bucket: replica.arn, storageClass: "STANDARD" } }],
});

new aws.s3.Bucket("bad-bare");

const badPhi = new aws.s3.Bucket("bad-phi", { bucket: "phi-weak", tags: phi });
new aws.s3.BucketServerSideEncryptionConfiguration("bad-phi-sse", { bucket: badPhi.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
new aws.s3.BucketVersioning("bad-phi-versioning", { bucket: badPhi.id, versioningConfiguration: { status: "Suspended" } });
new aws.s3.BucketLogging("bad-phi-logging", { bucket: badPhi.id, targetBucket: logBucket.id, targetPrefix: "phi-weak/" });
new aws.s3.BucketPublicAccessBlock("bad-phi-pab", { bucket: badPhi.id, blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketReplicationConfig("bad-phi-replication", {
  bucket: badPhi.id, role: "arn:aws:iam::123456789012:role/replication",
  rules: [{ id: "off", status: "Disabled", filter: {}, deleteMarkerReplication: { status: "Disabled" }, destination: { bucket: "arn:aws:s3:::elsewhere" } }],
});
new aws.s3.BucketPolicy("bad-phi-policy", { bucket: badPhi.id, policy: doc([{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::phi-weak/*" }]) });
new aws.s3.BucketOwnershipControls("bad-phi-ownership", { bucket: badPhi.id, rule: { objectOwnership: "ObjectWriter" } });
new aws.s3.BucketAcl("bad-phi-acl", { bucket: badPhi.id, acl: "private" });

const awsKey = new aws.s3.Bucket("bad-aws-managed-key");
new aws.s3.BucketServerSideEncryptionConfiguration("bad-aws-managed-key-sse", { bucket: awsKey.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" } }] });

const unknownPolicy = new aws.s3.Bucket("unk-policy-bucket", { tags: { "data-classification": "internal" } });
new aws.s3.BucketServerSideEncryptionConfiguration("unk-sse", { bucket: unknownPolicy.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
new aws.s3.BucketPolicy("unk-policy", { bucket: unknownPolicy.id, policy: unknownPolicy.arn.apply((arn) => doc([{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: arn, Condition: { Bool: { "aws:SecureTransport": "false" } } }])) });
`,
  cases: [
    {
      rule: "s3-bucket-encrypted-with-kms",
      pass: ["ok-phi", "replica", "log-bucket", "unk-policy-bucket"],
      fail: ["bad-bare", "bad-phi", "bad-aws-managed-key"],
    },
    {
      rule: "s3-bucket-versioning-enabled",
      pass: ["ok-phi", "replica", "log-bucket"],
      fail: ["bad-bare", "bad-phi", "bad-aws-managed-key", "unk-policy-bucket"],
    },
    {
      rule: "s3-bucket-access-logging-enabled",
      pass: ["ok-phi", "replica", "log-bucket", "bad-phi"],
      fail: ["bad-bare", "bad-aws-managed-key", "unk-policy-bucket"],
    },
    {
      rule: "s3-bucket-public-access-blocked",
      pass: ["ok-phi", "replica", "log-bucket"],
      fail: ["bad-bare", "bad-phi", "bad-aws-managed-key", "unk-policy-bucket"],
    },
    { rule: "s3-bucket-object-lock-enabled-for-phi", pass: ["ok-phi", "replica", "log-bucket", "bad-bare"], fail: ["bad-phi"] },
    { rule: "s3-bucket-replication-enabled-for-phi", pass: ["ok-phi", "replica", "log-bucket", "bad-bare"], fail: ["bad-phi"] },
    {
      rule: "s3-bucket-ssl-requests-only",
      pass: ["ok-phi", "replica", "log-bucket"],
      fail: ["bad-bare", "bad-phi", "bad-aws-managed-key"],
      unknown: ["unk-policy"],
    },
    {
      rule: "s3-bucket-policy-requires-tls-1-2",
      pass: ["ok-phi", "replica", "log-bucket"],
      fail: ["bad-bare", "bad-phi", "bad-aws-managed-key"],
      unknown: ["unk-policy"],
    },
    { rule: "s3-bucket-versioned-has-lifecycle", pass: ["ok-phi", "replica", "bad-phi", "bad-bare"], fail: ["log-bucket"] },
    {
      rule: "s3-bucket-acls-disabled",
      pass: ["ok-phi", "replica", "log-bucket"],
      fail: ["bad-bare", "bad-phi", "bad-aws-managed-key", "unk-policy-bucket"],
    },
  ],
} satisfies ServiceCases;
