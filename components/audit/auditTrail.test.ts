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
} from "../storage/fixtures/plan-helpers";

const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/test-test-audit`;

describe("AuditTrail (planned, two regions)", () => {
  it("writes a multi-region, validated, KMS-encrypted trail to a COMPLIANCE-locked PhiBucket and to an encrypted log group", async () => {
    const view = await planProgram(`
const records = new PhiBucket("records", { key });
new AuditTrail("audit", { key, dataEventBuckets: [records, "arn:aws:s3:::legacy-phi"] });
`);
    const urn = (name: string) => view.urn(name);
    expect(view.get("audit").type).toBe("phiguard:audit:AuditTrail");
    expect(view.get("audit-archive").type).toBe("phiguard:storage:PhiBucket");
    expect(view.get("audit-archive").parent).toBe(urn("audit"));
    expect(view.childNames("audit").filter((n) => !n.startsWith("audit-archive-"))).toEqual(
      ["audit-archive", "audit-cloudwatch-role", "audit-cloudwatch-role-policy", "audit-log-group", "audit-trail"].sort(),
    );

    // The trail.
    const trail = view.get("audit-trail");
    expect(trail.region).toBe("us-east-1");
    expect(trail.props).toMatchObject({
      name: "test-test-audit",
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      isOrganizationTrail: false,
      kmsKeyId: { "@phiguard": "unknown" },
    });
    expect(view.deps("audit-trail", "kmsKeyId")).toEqual([PRIMARY_KEY_URN]);

    // It writes to the locked bucket, after the bucket policy that lets it.
    const archiveName = `test-test-audit-archive-${ACCOUNT}-us-east-1`;
    expect(trail.props.s3BucketName).toBe(archiveName);
    expect(view.deps("audit-trail", "s3BucketName")).toEqual([urn("audit-archive-bucket")]);
    expect(trail.dependencies).toContain(urn("audit-archive-policy"));
    expect(view.props("audit-archive-bucket").objectLockEnabled).toBe(true);
    expect(view.props("audit-archive-object-lock").rule).toEqual({ defaultRetention: { mode: "COMPLIANCE", days: 2190 } });
    expect(view.deps("audit-archive-object-lock", "bucket")).toEqual([urn("audit-archive-bucket")]);
    expect(view.deps("audit-archive-sse", "rules")).toEqual([PRIMARY_KEY_URN]);
    const policy = view.policy("audit-archive-policy");
    const archiveArn = `arn:aws:s3:::${archiveName}`;
    expect(statement(policy, "CloudTrailAclCheck")).toEqual({
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: archiveArn,
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
    expect(statement(policy, "CloudTrailWrite")).toEqual({
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${archiveArn}/AWSLogs/${ACCOUNT}/*`,
      Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": TRAIL_ARN } },
    });
    expect(statement(policy, "DenyInsecureTransport").Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
    // CloudTrail writes digest files with SSE-S3: only it is exempt from the aws:kms header requirement.
    expect(statement(policy, "DenyUploadsNotEncryptedWithKms").Condition.StringNotEquals).toEqual({
      "s3:x-amz-server-side-encryption": "aws:kms",
      "aws:PrincipalServiceName": "cloudtrail.amazonaws.com",
    });
    // The archive is replicated, still locked in COMPLIANCE mode, under the replica key.
    expect(view.get("audit-archive-replica-bucket").region).toBe("us-west-2");
    expect(view.props("audit-archive-replica-object-lock").rule).toEqual({ defaultRetention: { mode: "COMPLIANCE", days: 2190 } });
    expect(view.deps("audit-archive-replication", "rules")).toContain(REPLICA_KEY_URN);

    // CloudWatch Logs: encrypted with the CMK, kept 365 days, written through a role.
    expect(view.props("audit-log-group")).toMatchObject({ name: "/aws/cloudtrail/test-test-audit", retentionInDays: 365, deletionProtectionEnabled: true });
    expect(view.deps("audit-log-group", "kmsKeyId")).toEqual([PRIMARY_KEY_URN]);
    expect(view.deps("audit-trail", "cloudWatchLogsGroupArn")).toEqual([urn("audit-log-group")]);
    expect(view.deps("audit-trail", "cloudWatchLogsRoleArn")).toEqual([urn("audit-cloudwatch-role")]);
    expect(view.policy("audit-cloudwatch-role", "assumeRolePolicy").Statement[0].Principal).toEqual({ Service: "cloudtrail.amazonaws.com" });
    expect(statement(view.policy("audit-cloudwatch-role-policy"), "WriteTrailEvents")).toEqual({
      Sid: "WriteTrailEvents",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/cloudtrail/test-test-audit:log-stream:*`,
    });

    // Data events of the PHI buckets given (a PhiBucket brings its replica).
    expect(trail.props.advancedEventSelectors).toEqual([
      { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
      {
        name: "PHI object access",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          {
            field: "resources.ARN",
            startsWiths: [
              `arn:aws:s3:::test-test-records-${ACCOUNT}-us-east-1/`,
              `arn:aws:s3:::test-test-records-${ACCOUNT}-us-west-2/`,
              "arn:aws:s3:::legacy-phi/",
            ],
          },
        ],
      },
    ]);
    expect(view.deps("audit-trail", "advancedEventSelectors")).toEqual(expect.arrayContaining([urn("records-bucket"), urn("records-replica-bucket")]));

    expectConventionTags(view, "audit");
    expect(findingKeys(await packFindings(view))).toEqual([]);
  });

  it("opts out of archive replication only through skipReplication, and the HIPAA pack flags it", async () => {
    const view = await planProgram(`
const records = new PhiBucket("records", { key });
new AuditTrail("audit", { key, skipReplication: true, dataEventBuckets: [records], retentionDays: 3650, cloudWatchLogsRetentionDays: 731 });
`);
    expect(view.childNames("audit").filter((n) => n.includes("replica"))).toEqual([]);
    expect(view.props("audit-archive-object-lock").rule).toEqual({ defaultRetention: { mode: "COMPLIANCE", days: 3650 } });
    expect(view.props("audit-log-group").retentionInDays).toBe(731);
    expect(findingKeys(await packFindings(view))).toEqual(["s3-bucket-replication-enabled-for-phi audit-archive-bucket"]);
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const errors = await constructionErrors([
      `new AuditTrail("a", { key: new EnvelopeKey("nologs", { regions: ["us-east-1", "us-west-2"] }) })`,
      `new AuditTrail("b", { key, retentionDays: 0 })`,
      `new AuditTrail("c", { key, cloudWatchLogsRetentionDays: 366 })`,
      `new AuditTrail("d", { key, dataEventBuckets: ["my-bucket"] })`,
      `new AuditTrail("e", { key, trailName: "a" })`,
      `new AuditTrail("f", { key, region: "eu-west-1" })`,
    ]);
    expect(errors[0]).toMatch(/AuditTrail "a": the EnvelopeKey does not allow CloudWatch Logs.*expected an EnvelopeKey created with allowCloudWatchLogs: true/);
    expect(errors[1]).toMatch(/retentionDays 0; expected a COMPLIANCE retention of 1 to 36500 days/);
    expect(errors[2]).toMatch(/cloudWatchLogsRetentionDays 366 is not a retention CloudWatch Logs accepts; expected one of 1, 3, 5/);
    expect(errors[3]).toMatch(/dataEventBuckets entry "my-bucket" is not an S3 bucket ARN/);
    expect(errors[4]).toMatch(/trailName "a" is invalid; expected 3-128 letters/);
    expect(errors[5]).toMatch(/region "eu-west-1" has no key/);
  });
});
