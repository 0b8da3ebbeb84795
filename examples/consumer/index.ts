/**
 * An application team's stack: one KMS envelope key for PHI (primary in us-east-1, replica in
 * us-west-2), an imaging bucket and an encounters table encrypted with it, each replicated to the
 * second region, and daily backups. Everything insecure is off by default in the components, so
 * `phiguard check` passes without a waiver.
 */
import {
  BackupPlan,
  EnvelopeKey,
  PhiBucket,
  PhiTable,
  S3_ACCESS_LOG_KEY_ACCESS,
} from "phiguard";

const key = new EnvelopeKey("phi", {
  regions: ["us-east-1", "us-west-2"],
  viaServices: ["s3", "dynamodb", "backup"],
  servicePrincipals: [S3_ACCESS_LOG_KEY_ACCESS],
});

const imaging = new PhiBucket("imaging", {
  key,
  lifecycle: "imaging", // Glacier Instant Retrieval after 30 days, Deep Archive after 365
  objectLock: { mode: "GOVERNANCE", retentionDays: 90 },
});

const encounters = new PhiTable("encounters", {
  key,
  hashKey: "patientId",
  rangeKey: "encounterId",
  attributes: [
    { name: "patientId", type: "S" },
    { name: "encounterId", type: "S" },
  ],
});

new BackupPlan("backup", { key });

export const imagingBucket = imaging.bucketName;
export const encountersTable = encounters.tableName;
