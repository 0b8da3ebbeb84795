import { describe, expect, it } from "vitest";
import { buildBucketPolicy } from "./bucketPolicy";
import { LIFECYCLE_PRESETS, lifecycleRules } from "./lifecycle";

describe("lifecycleRules", () => {
  it("turns presets into one rule that also aborts incomplete multipart uploads", () => {
    expect(lifecycleRules("t", "none")).toEqual([
      { id: "phi-tiers", status: "Enabled", filter: { prefix: "" }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
    ]);
    expect(lifecycleRules("t", "imaging")[0]!.transitions).toEqual([
      { days: 30, storageClass: "GLACIER_IR" },
      { days: 365, storageClass: "DEEP_ARCHIVE" },
    ]);
    for (const preset of Object.keys(LIFECYCLE_PRESETS)) expect(() => lifecycleRules("t", preset as keyof typeof LIFECYCLE_PRESETS)).not.toThrow();
  });

  it("keeps prefix and expirations", () => {
    expect(lifecycleRules("t", { prefix: "dicom/", expirationDays: 4000, transitions: [{ afterDays: 0, storageClass: "INTELLIGENT_TIERING" }] })[0]).toEqual({
      id: "phi-tiers",
      status: "Enabled",
      filter: { prefix: "dicom/" },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      transitions: [{ days: 0, storageClass: "INTELLIGENT_TIERING" }],
      expiration: { days: 4000 },
    });
  });

  it("refuses what S3 refuses", () => {
    expect(() => lifecycleRules("X", { transitions: [{ afterDays: 29, storageClass: "ONEZONE_IA" }] })).toThrow(/X: lifecycle.transitions: ONEZONE_IA.afterDays is 29; expected a whole number of days from 30/);
    expect(() => lifecycleRules("X", { transitions: [{ afterDays: 30, storageClass: "GLACIER" }, { afterDays: 30, storageClass: "DEEP_ARCHIVE" }] })).toThrow(/is not after GLACIER at 30 days/);
    expect(() => lifecycleRules("X", { transitions: [{ afterDays: 30, storageClass: "COLD" as never }] })).toThrow(/storage class "COLD" is not a transition target/);
    expect(() => lifecycleRules("X", { noncurrentTransitions: [{ afterDays: 0, storageClass: "GLACIER" }] })).toThrow(/afterDays is 0; expected a whole number of days from 1/);
    expect(() => lifecycleRules("X", { transitions: [{ afterDays: 90, storageClass: "GLACIER" }], expirationDays: 60 })).toThrow(/expirationDays 60 is not after the last transition \(GLACIER at 90 days\)/);
    expect(() => lifecycleRules("X", { abortIncompleteMultipartUploadDays: 0 })).toThrow(/abortIncompleteMultipartUploadDays is 0/);
  });
});

describe("buildBucketPolicy", () => {
  const arn = "arn:aws:s3:::b";

  it("denies plain HTTP, TLS < 1.2 and uploads without aws:kms; exempts only the named services from the header", () => {
    const doc = buildBucketPolicy({ bucketArn: arn, requireTls: true, kmsHeaderExemptServices: ["cloudtrail.amazonaws.com"], extraStatements: [] });
    expect(doc.Statement.map((s) => s.Sid)).toEqual(["DenyInsecureTransport", "DenyTlsOlderThan12", "DenyUploadsWithoutKmsHeader", "DenyUploadsNotEncryptedWithKms"]);
    expect(doc.Statement[2]!.Condition).toEqual({
      Null: { "s3:x-amz-server-side-encryption": "true" },
      StringNotEquals: { "aws:PrincipalServiceName": "cloudtrail.amazonaws.com" },
    });
  });

  it("drops only the TLS statements without requireTls and refuses duplicate Sids", () => {
    const doc = buildBucketPolicy({ bucketArn: arn, requireTls: false, kmsHeaderExemptServices: [], extraStatements: [] });
    expect(doc.Statement.map((s) => s.Sid)).toEqual(["DenyUploadsWithoutKmsHeader", "DenyUploadsNotEncryptedWithKms"]);
    expect(() =>
      buildBucketPolicy({ bucketArn: arn, requireTls: true, kmsHeaderExemptServices: [], extraStatements: [{ Sid: "DenyInsecureTransport", Effect: "Allow", Action: "s3:GetObject" }] }),
    ).toThrow(/share the Sid "DenyInsecureTransport"/);
  });
});
