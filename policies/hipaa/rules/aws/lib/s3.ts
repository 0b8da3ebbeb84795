/** S3 buckets and the separate configuration resources (`@pulumi/aws` v7) that belong to them. */
import type { PolicyResource } from "@pulumi/policy";
import { arrayOf, hasValue, peekString } from "./props";
import { childrenOf, ofType } from "./stack";

export const BUCKET = "aws:s3/bucket:Bucket";
export const SSE_CONFIGURATION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
export const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
export const LOGGING = "aws:s3/bucketLogging:BucketLogging";
export const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const OBJECT_LOCK_CONFIGURATION = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
export const REPLICATION_CONFIG = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const OWNERSHIP_CONTROLS = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
export const BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl";

export function buckets(resources: readonly PolicyResource[]): PolicyResource[] {
  return ofType(resources, BUCKET);
}

/** The resources of `type` whose `property` (by default `bucket`) names the bucket. */
export function bucketChildren(
  resources: readonly PolicyResource[],
  bucket: PolicyResource,
  type: string,
  property = "bucket",
): PolicyResource[] {
  return childrenOf(resources, bucket, type, property, ["bucket"]);
}

/** The bucket's policy documents: its BucketPolicy resources' and its deprecated inline `policy`. */
export function bucketPolicies(resources: readonly PolicyResource[], bucket: PolicyResource): unknown[] {
  const documents: unknown[] = bucketChildren(resources, bucket, BUCKET_POLICY).map((p) => p.props.policy);
  if (hasValue(bucket.props, "policy")) documents.push(bucket.props.policy);
  return documents;
}

/** True when some replication configuration of the stack replicates into `bucket`. */
export function isReplicationDestination(resources: readonly PolicyResource[], bucket: PolicyResource): boolean {
  const name = peekString(bucket.props, "bucket");
  return ofType(resources, REPLICATION_CONFIG).some((cfg) => {
    if ((cfg.propertyDependencies.rules ?? []).some((s) => s.urn === bucket.urn)) return true;
    if (name === undefined) return false;
    const rules = Object.getOwnPropertyDescriptor(cfg.props, "rules")?.value;
    return arrayOf<Record<string, unknown>>(rules).some((r) => {
      const destination = r && typeof r === "object" ? (r.destination as Record<string, unknown> | undefined) : undefined;
      const arn = peekString(destination, "bucket");
      return arn !== undefined && (arn === name || arn.endsWith(`:::${name}`));
    });
  });
}

/** True when some BucketLogging of the stack delivers access logs into `bucket`. */
export function isLogTarget(resources: readonly PolicyResource[], bucket: PolicyResource): boolean {
  return ofType(resources, LOGGING).some((l) => childrenOf([l], bucket, LOGGING, "targetBucket", ["bucket"]).length > 0);
}
