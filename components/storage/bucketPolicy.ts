/**
 * The bucket policy of a `PhiBucket` (and of the buckets it creates), as a pure function of plain
 * strings, so the policy is known at preview and policy rules can read it offline.
 */
import { denyInsecureTransport, type IamPolicyDocument, type IamStatement } from "./common";

/** What a bucket policy is built from (all plain strings, known at preview). */
export interface BucketPolicyContext {
  /** The bucket's name. */
  readonly bucketName: string;
  /** `arn:<partition>:s3:::<bucketName>`. */
  readonly bucketArn: string;
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
}

export interface BucketPolicyInput {
  readonly bucketArn: string;
  /** Deny requests not over TLS and TLS older than 1.2. */
  readonly requireTls: boolean;
  /**
   * Service principals (e.g. `cloudtrail.amazonaws.com`) whose own writes are exempt from the
   * `aws:kms` upload header requirement (they still get the bucket's default encryption).
   */
  readonly kmsHeaderExemptServices: readonly string[];
  /** Statements appended as given. */
  readonly extraStatements: readonly IamStatement[];
}

/** The minimum TLS version every request must use. */
export const MIN_TLS_VERSION = "1.2";

/** Builds the bucket policy document. */
export function buildBucketPolicy(input: BucketPolicyInput): IamPolicyDocument {
  const objects = `${input.bucketArn}/*`;
  const both = [input.bucketArn, objects];
  const exempt: Record<string, string | readonly string[]> =
    input.kmsHeaderExemptServices.length > 0
      ? { "aws:PrincipalServiceName": input.kmsHeaderExemptServices.length === 1 ? input.kmsHeaderExemptServices[0]! : [...input.kmsHeaderExemptServices] }
      : {};
  const statements: IamStatement[] = [];
  if (input.requireTls) {
    statements.push(denyInsecureTransport("s3:*", both), {
      Sid: "DenyTlsOlderThan12",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: both,
      Condition: { NumericLessThan: { "s3:TlsVersion": MIN_TLS_VERSION } },
    });
  }
  statements.push(
    {
      Sid: "DenyUploadsWithoutKmsHeader",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: objects,
      Condition: {
        Null: { "s3:x-amz-server-side-encryption": "true" },
        ...(Object.keys(exempt).length > 0 ? { StringNotEquals: exempt } : {}),
      },
    },
    {
      Sid: "DenyUploadsNotEncryptedWithKms",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: objects,
      Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms", ...exempt } },
    },
    ...input.extraStatements,
  );
  const sids = statements.map((s) => s.Sid);
  const duplicate = sids.find((sid, i) => sids.indexOf(sid) !== i);
  if (duplicate !== undefined) throw new Error(`two bucket policy statements share the Sid "${duplicate}"`);
  return { Version: "2012-10-17", Statement: statements };
}

/** Lets S3 server access logging deliver logs of `sourceBucketArn` (same account) into the bucket. */
export function accessLogDeliveryStatement(logBucketArn: string, sourceBucketArns: readonly string[], accountId: string): IamStatement {
  return {
    Sid: "AllowS3ServerAccessLogDelivery",
    Effect: "Allow",
    Principal: { Service: "logging.s3.amazonaws.com" },
    Action: "s3:PutObject",
    Resource: `${logBucketArn}/*`,
    Condition: {
      ArnLike: { "aws:SourceArn": sourceBucketArns.length === 1 ? sourceBucketArns[0]! : [...sourceBucketArns] },
      StringEquals: { "aws:SourceAccount": accountId },
    },
  };
}
