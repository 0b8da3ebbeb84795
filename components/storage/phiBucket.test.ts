import { describe, expect, it } from "vitest";
import {
  ACCOUNT,
  constructionErrors,
  expectConventionTags,
  findingKeys,
  packFindings,
  planProgram,
  PRIMARY_KEY_URN,
  REPLICA_KEY_URN,
  statement,
} from "./fixtures/plan-helpers";

const HARDENED = ["bucket", "ownership-controls", "public-access-block", "versioning", "sse", "object-lock", "policy", "logging", "lifecycle"];
const LOG_BUCKET = ["bucket", "ownership-controls", "public-access-block", "versioning", "sse", "policy", "lifecycle"];

describe("PhiBucket (planned, two regions)", () => {
  it("is secure by default: SSE-KMS, versioning, Object Lock, no public access, TLS-only policy, access logs, lifecycle, replication", async () => {
    const view = await planProgram(`new PhiBucket("records", { key });`);
    const urn = (name: string) => view.urn(name);

    expect(view.get("records").type).toBe("phiguard:storage:PhiBucket");
    expect(view.childNames("records")).toEqual(
      [
        ...HARDENED.map((s) => `records-${s}`),
        ...LOG_BUCKET.map((s) => `records-logs-${s}`),
        ...HARDENED.map((s) => `records-replica-${s}`),
        ...LOG_BUCKET.map((s) => `records-replica-logs-${s}`),
        "records-replication",
        "records-replication-role",
        "records-replication-role-policy",
      ].sort(),
    );

    // The bucket: Object Lock enabled at creation, deterministic name, never force-destroyed.
    const bucketName = `test-test-records-${ACCOUNT}-us-east-1`;
    const bucketArn = `arn:aws:s3:::${bucketName}`;
    expect(view.props("records-bucket")).toMatchObject({ bucket: bucketName, objectLockEnabled: true, forceDestroy: false, region: "us-east-1" });
    expect(view.get("records-bucket").region).toBe("us-east-1");

    // SSE-KMS with the local key, bucket keys on; joined to the bucket and the CMK.
    expect(view.props("records-sse")).toMatchObject({
      bucket: bucketName,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: { "@phiguard": "unknown" } }, bucketKeyEnabled: true }],
    });
    expect(view.deps("records-sse", "bucket")).toEqual([urn("records-bucket")]);
    expect(view.deps("records-sse", "rules")).toEqual([PRIMARY_KEY_URN]);

    expect(view.props("records-versioning").versioningConfiguration).toEqual({ status: "Enabled" });
    expect(view.deps("records-versioning", "bucket")).toEqual([urn("records-bucket")]);
    expect(view.props("records-object-lock")).toMatchObject({ objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "GOVERNANCE", days: 35 } } });
    expect(view.deps("records-object-lock", "bucket")).toEqual([urn("records-bucket")]);
    expect(view.get("records-object-lock").dependencies).toContain(urn("records-versioning"));
    expect(view.props("records-public-access-block")).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(view.props("records-ownership-controls").rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });

    // The bucket policy: known at preview; TLS only, TLS 1.2+, uploads must ask for aws:kms.
    const policy = view.policy("records-policy");
    expect(view.deps("records-policy", "bucket")).toEqual([urn("records-bucket")]);
    expect(statement(policy, "DenyInsecureTransport")).toEqual({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(statement(policy, "DenyTlsOlderThan12")).toMatchObject({ Effect: "Deny", Action: "s3:*", Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } });
    expect(statement(policy, "DenyUploadsWithoutKmsHeader")).toMatchObject({
      Effect: "Deny",
      Action: "s3:PutObject",
      Resource: `${bucketArn}/*`,
      Condition: { Null: { "s3:x-amz-server-side-encryption": "true" } },
    });
    expect(statement(policy, "DenyUploadsNotEncryptedWithKms")).toMatchObject({
      Effect: "Deny",
      Action: "s3:PutObject",
      Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
    });
    expect(view.get("records-policy").dependencies).toEqual(expect.arrayContaining([urn("records-public-access-block"), urn("records-ownership-controls")]));

    // Access logs go to a created log bucket with the same hardening, minus logging to itself.
    const logsName = `test-test-records-logs-${ACCOUNT}-us-east-1`;
    expect(view.props("records-logging")).toMatchObject({ targetBucket: logsName, targetPrefix: `${bucketName}/` });
    expect(view.deps("records-logging", "bucket")).toEqual([urn("records-bucket")]);
    expect(view.deps("records-logging", "targetBucket")).toEqual([urn("records-logs-bucket")]);
    expect(view.has("records-logs-logging")).toBe(false);
    expect(view.props("records-logs-bucket")).toMatchObject({ objectLockEnabled: false, forceDestroy: false });
    expect(view.props("records-logs-bucket").tags["data-classification"]).toBe("confidential");
    expect(view.deps("records-logs-sse", "rules")).toEqual([PRIMARY_KEY_URN]);
    expect(view.props("records-logs-public-access-block")).toMatchObject({ blockPublicAcls: true, restrictPublicBuckets: true });
    const logsPolicy = view.policy("records-logs-policy");
    expect(statement(logsPolicy, "DenyInsecureTransport").Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
    expect(statement(logsPolicy, "AllowS3ServerAccessLogDelivery")).toEqual({
      Sid: "AllowS3ServerAccessLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${logsName}/*`,
      Condition: { ArnLike: { "aws:SourceArn": bucketArn }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
    expect(statement(logsPolicy, "DenyUploadsNotEncryptedWithKms").Condition.StringNotEquals).toEqual({
      "s3:x-amz-server-side-encryption": "aws:kms",
      "aws:PrincipalServiceName": "logging.s3.amazonaws.com",
    });

    // Lifecycle: the "standard" tiers.
    expect(view.props("records-lifecycle").rules).toEqual([
      {
        id: "phi-tiers",
        status: "Enabled",
        filter: { prefix: "" },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        transitions: [{ days: 90, storageClass: "STANDARD_IA" }],
        noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: "GLACIER_IR" }],
      },
    ]);

    // The replica: the other key region, same hardening, encrypted with the replica key.
    const replicaName = `test-test-records-${ACCOUNT}-us-west-2`;
    expect(view.props("records-replica-bucket")).toMatchObject({ bucket: replicaName, objectLockEnabled: true, region: "us-west-2" });
    expect(view.get("records-replica-bucket").region).toBe("us-west-2");
    expect(view.deps("records-replica-sse", "rules")).toEqual([REPLICA_KEY_URN]);
    expect(view.props("records-replica-object-lock").rule).toEqual({ defaultRetention: { mode: "GOVERNANCE", days: 35 } });
    expect(view.deps("records-replica-logging", "targetBucket")).toEqual([urn("records-replica-logs-bucket")]);
    expect(view.get("records-replica-logs-bucket").region).toBe("us-west-2");
    expect(view.deps("records-replica-logs-sse", "rules")).toEqual([REPLICA_KEY_URN]);
    expect(statement(view.policy("records-replica-policy"), "DenyInsecureTransport").Resource).toEqual([
      `arn:aws:s3:::${replicaName}`,
      `arn:aws:s3:::${replicaName}/*`,
    ]);

    // Replication: KMS-encrypted objects, re-encrypted with the replica key, by its own role.
    const replication = view.get("records-replication");
    expect(replication.props).toMatchObject({
      bucket: bucketName,
      region: "us-east-1",
      rules: [
        {
          id: "phi-to-us-west-2",
          status: "Enabled",
          filter: { prefix: "" },
          deleteMarkerReplication: { status: "Disabled" },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
          destination: {
            bucket: `arn:aws:s3:::${replicaName}`,
            storageClass: "STANDARD",
            encryptionConfiguration: { replicaKmsKeyId: { "@phiguard": "unknown" } },
          },
        },
      ],
    });
    expect(view.deps("records-replication", "bucket")).toEqual([urn("records-bucket")]);
    expect(view.deps("records-replication", "rules")).toEqual(expect.arrayContaining([urn("records-replica-bucket"), REPLICA_KEY_URN]));
    expect(view.deps("records-replication", "rules")).not.toContain(PRIMARY_KEY_URN);
    expect(view.deps("records-replication", "role")).toEqual([urn("records-replication-role")]);
    expect(replication.dependencies).toEqual(expect.arrayContaining([urn("records-versioning"), urn("records-replica-versioning")]));
    const trust = view.policy("records-replication-role", "assumeRolePolicy");
    expect(trust.Statement[0]).toMatchObject({ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" });
    expect(view.deps("records-replication-role-policy", "policy")).toEqual(
      expect.arrayContaining([urn("records-bucket"), urn("records-replica-bucket"), PRIMARY_KEY_URN, REPLICA_KEY_URN]),
    );

    expectConventionTags(view, "records");
    expect(findingKeys(await packFindings(view))).toEqual([]);
  });

  it("takes tiers, a compliance lock, names, given log buckets and a replica region", async () => {
    const view = await planProgram(`
new PhiBucket("imaging", {
  key, lifecycle: "imaging", objectLock: { mode: "COMPLIANCE", retentionDays: 2190 },
  bucketName: "acme-imaging", replicaStorageClass: "GLACIER_IR",
  accessLogBucket: "acme-central-logs", replicaAccessLogBucket: "acme-central-logs-west", accessLogPrefix: "imaging/",
});
new PhiBucket("notes", { key, region: "us-west-2", replicaRegion: "us-east-1", lifecycle: {
  transitions: [{ afterDays: 30, storageClass: "STANDARD_IA" }, { afterDays: 180, storageClass: "GLACIER" }],
  noncurrentExpirationDays: 400, abortIncompleteMultipartUploadDays: 3,
}});
`);
    expect(view.props("imaging-bucket").bucket).toBe("acme-imaging");
    expect(view.props("imaging-replica-bucket").bucket).toBe("acme-imaging-replica");
    expect(view.props("imaging-object-lock").rule).toEqual({ defaultRetention: { mode: "COMPLIANCE", days: 2190 } });
    expect(view.props("imaging-replica-object-lock").rule).toEqual({ defaultRetention: { mode: "COMPLIANCE", days: 2190 } });
    expect(view.props("imaging-lifecycle").rules[0]).toMatchObject({
      transitions: [
        { days: 30, storageClass: "GLACIER_IR" },
        { days: 365, storageClass: "DEEP_ARCHIVE" },
      ],
      noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: "DEEP_ARCHIVE" }],
    });
    expect(view.props("imaging-logging")).toMatchObject({ targetBucket: "acme-central-logs", targetPrefix: "imaging/" });
    expect(view.props("imaging-replica-logging")).toMatchObject({ targetBucket: "acme-central-logs-west", targetPrefix: "imaging/" });
    expect(view.has("imaging-logs-bucket")).toBe(false);
    expect(view.has("imaging-replica-logs-bucket")).toBe(false);
    expect(view.props("imaging-replication").rules[0].destination.storageClass).toBe("GLACIER_IR");

    // A bucket whose home is the key's replica region uses the replica key there, and the primary key for its replica.
    expect(view.get("notes-bucket").region).toBe("us-west-2");
    expect(view.deps("notes-sse", "rules")).toEqual([REPLICA_KEY_URN]);
    expect(view.get("notes-replica-bucket").region).toBe("us-east-1");
    expect(view.deps("notes-replica-sse", "rules")).toEqual([PRIMARY_KEY_URN]);
    expect(view.deps("notes-replication", "rules")).toContain(PRIMARY_KEY_URN);
    expect(view.props("notes-lifecycle").rules[0]).toMatchObject({
      abortIncompleteMultipartUpload: { daysAfterInitiation: 3 },
      transitions: [
        { days: 30, storageClass: "STANDARD_IA" },
        { days: 180, storageClass: "GLACIER" },
      ],
      noncurrentVersionExpiration: { noncurrentDays: 400 },
    });
  });

  it("opts out only through explicit args, and the plan and the HIPAA pack show it", async () => {
    const view = await planProgram(`
new PhiBucket("plain", { key, allowUnencryptedTransport: true });
new PhiBucket("unlocked", { key, disableObjectLock: true });
new PhiBucket("single", { key, skipReplication: true });
new PhiBucket("unlogged", { key, disableAccessLogging: true });
`);
    // allowUnencryptedTransport: no TLS denials, the upload encryption denials stay.
    const sids = view.policy("plain-policy").Statement.map((s) => s.Sid);
    expect(sids).not.toContain("DenyInsecureTransport");
    expect(sids).not.toContain("DenyTlsOlderThan12");
    expect(sids).toContain("DenyUploadsNotEncryptedWithKms");
    // disableObjectLock: no lock at creation, no lock configuration (bucket and replica).
    expect(view.props("unlocked-bucket").objectLockEnabled).toBe(false);
    expect(view.props("unlocked-replica-bucket").objectLockEnabled).toBe(false);
    expect(view.has("unlocked-object-lock")).toBe(false);
    // skipReplication: no replica, no replication.
    expect(view.childNames("single").filter((n) => /replica/.test(n))).toEqual([]);
    // disableAccessLogging: no logging, no log bucket.
    expect(view.childNames("unlogged").filter((n) => /logs|logging/.test(n))).toEqual([]);

    const findings = findingKeys(await packFindings(view));
    expect(findings).toEqual(
      expect.arrayContaining([
        "s3-bucket-ssl-requests-only plain-bucket",
        "s3-bucket-policy-requires-tls-1-2 plain-bucket",
        "s3-bucket-object-lock-enabled-for-phi unlocked-bucket",
        "s3-bucket-object-lock-enabled-for-phi unlocked-replica-bucket",
        "s3-bucket-replication-enabled-for-phi single-bucket",
        "s3-bucket-access-logging-enabled unlogged-bucket",
        "s3-bucket-access-logging-enabled unlogged-replica-bucket",
      ]),
    );
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const errors = await constructionErrors([
      `new PhiBucket("a", { key, objectLock: { mode: "COMPLIANCE", retentionDays: 0 } })`,
      `new PhiBucket("b", { key, objectLock: { retentionDays: 36501 } })`,
      `new PhiBucket("c", { key, objectLock: { mode: "LEGAL" as any } })`,
      `new PhiBucket("d", { key, region: "eu-west-1" })`,
      `new PhiBucket("e", { key, replicaRegion: "eu-central-1" })`,
      `new PhiBucket("f", { key: new EnvelopeKey("solo", { regions: ["us-east-1"] }) })`,
      `new PhiBucket("g", { key, lifecycle: { transitions: [{ afterDays: 10, storageClass: "STANDARD_IA" }] } })`,
      `new PhiBucket("h", { key, lifecycle: { transitions: [{ afterDays: 30, storageClass: "GLACIER" }, { afterDays: 90, storageClass: "STANDARD_IA" }] } })`,
      `new PhiBucket("i", { key, bucketName: "Not_A_Bucket" })`,
      `new PhiBucket("j", { key, disableObjectLock: true, objectLock: { mode: "GOVERNANCE" } })`,
      `new PhiBucket("k", { key, skipReplication: true, replicaRegion: "us-west-2" })`,
      `new PhiBucket("l", { key, lifecycle: "archive" as any })`,
      `new PhiBucket("m", { key, replicaRegion: "us-east-1" })`,
      `new PhiBucket("n", { key: new EnvelopeKey("solo2", { regions: ["us-east-1"] }), skipReplication: true })`,
    ]);
    expect(errors[0]).toMatch(/PhiBucket "a": objectLock.retentionDays 0 with COMPLIANCE mode; expected a retention of 1 to 36500 days/);
    expect(errors[1]).toMatch(/PhiBucket "b": objectLock.retentionDays 36501 is out of range; expected a whole number of days from 1 to 36500/);
    expect(errors[2]).toMatch(/objectLock.mode "LEGAL" is not allowed; expected one of GOVERNANCE, COMPLIANCE/);
    expect(errors[3]).toMatch(/PhiBucket "d": region "eu-west-1" has no key: the EnvelopeKey spans \[us-east-1, us-west-2\]; expected one of those regions/);
    expect(errors[4]).toMatch(/replicaRegion "eu-central-1" has no key/);
    expect(errors[5]).toMatch(/replicaRegion needs a second region but the EnvelopeKey spans only \[us-east-1\]; .*skipReplication: true/);
    expect(errors[6]).toMatch(/lifecycle.transitions: STANDARD_IA.afterDays is 10; expected a whole number of days from 30 to 36500/);
    expect(errors[7]).toMatch(/GLACIER then STANDARD_IA moves up S3's tier waterfall/);
    expect(errors[8]).toMatch(/bucketName "Not_A_Bucket" is not a valid S3 bucket name; expected 3-63 lower-case letters/);
    expect(errors[9]).toMatch(/objectLock and disableObjectLock: true were both given/);
    expect(errors[10]).toMatch(/replica settings and skipReplication: true were both given/);
    expect(errors[11]).toMatch(/lifecycle "archive" is not a preset; expected one of standard, imaging, none/);
    expect(errors[12]).toMatch(/replicaRegion "us-east-1" is the store's own region/);
    expect(errors[13]).toBe("no error");
  });
});
