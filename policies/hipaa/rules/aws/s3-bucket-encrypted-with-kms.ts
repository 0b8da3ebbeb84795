import { CITES } from "../../controls";
import { arrayOf, customerKeyProblem, mayHoldPhi, type Props } from "./lib/props";
import { BUCKET, bucketChildren, buckets, SSE_CONFIGURATION } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

export default stackRule({
  name: "s3-bucket-encrypted-with-kms",
  description:
    "S3 buckets have a default encryption configuration (aws.s3.BucketServerSideEncryptionConfiguration). Buckets that may hold PHI (tagged data-classification: phi, or not classified) use SSE-KMS with a customer managed key; buckets classified otherwise (e.g. access-log buckets, which cannot use SSE-KMS) may use SSE-S3.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest, "164.312(c)(2)"],
  remediation:
    "Use the `PhiBucket` component (SSE-KMS with its `EnvelopeKey`, bucket keys on), or add an `aws.s3.BucketServerSideEncryptionConfiguration` with `bucket: bucket.id`, `sseAlgorithm: \"aws:kms\"` and `kmsMasterKeyId: key.arn`.",
  controls: {
    awsConfig: ["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "S3_DEFAULT_ENCRYPTION_KMS"],
    cdkNag: ["HIPAA.Security-S3BucketServerSideEncryptionEnabled", "HIPAA.Security-S3DefaultEncryptionKMS"],
    checkov: ["CKV_AWS_19", "CKV_AWS_145"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      const configs = bucketChildren(args.resources, bucket, SSE_CONFIGURATION);
      if (configs.length === 0) {
        report("no aws.s3.BucketServerSideEncryptionConfiguration belongs to this bucket.", bucket.urn);
        return;
      }
      const defaults = configs.flatMap((c) =>
        arrayOf<Props>(c.props.rules).map((r) => r.applyServerSideEncryptionByDefault as Props | undefined),
      );
      if (!mayHoldPhi(bucket.props)) {
        if (!defaults.some((d) => d && typeof d.sseAlgorithm === "string")) report("the encryption configuration sets no default algorithm.", bucket.urn);
        return;
      }
      const kms = defaults.filter((d) => d && KMS_ALGORITHMS.includes(d.sseAlgorithm));
      if (kms.length === 0) {
        report("the bucket may hold PHI but its default encryption is not SSE-KMS (sseAlgorithm 'aws:kms').", bucket.urn);
        return;
      }
      const problems = kms.map((d) => customerKeyProblem(d, "kmsMasterKeyId")).filter((p): p is string => p !== undefined);
      if (problems.length === kms.length) {
        report(`the bucket may hold PHI but its SSE-KMS default uses no customer managed key: ${problems[0]}.`, bucket.urn);
      }
    });
  },
});
