import { CITES } from "../../controls";
import { listing } from "./lib/props";
import { BUCKET, bucketChildren, buckets, PUBLIC_ACCESS_BLOCK } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export default stackRule({
  name: "s3-bucket-public-access-blocked",
  description: "S3 buckets have an aws.s3.BucketPublicAccessBlock with all four settings true.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Use the `PhiBucket` component, or add an `aws.s3.BucketPublicAccessBlock` with `bucket: bucket.id` and `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets` all `true`.",
  controls: {
    awsConfig: ["S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED"],
    cdkNag: [
      "HIPAA.Security-S3BucketLevelPublicAccessProhibited",
      "HIPAA.Security-S3BucketPublicReadProhibited",
      "HIPAA.Security-S3BucketPublicWriteProhibited",
    ],
    checkov: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6"],
    cis: ["AWS 3.0.0 2.1.4"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      const blocks = bucketChildren(args.resources, bucket, PUBLIC_ACCESS_BLOCK);
      if (blocks.length === 0) {
        report("no aws.s3.BucketPublicAccessBlock belongs to this bucket.", bucket.urn);
        return;
      }
      for (const block of blocks) {
        const off = FLAGS.filter((f) => block.props[f] !== true);
        if (off.length > 0) report(`public access block '${block.name}' does not set ${listing(off)} to true.`, bucket.urn);
      }
    });
  },
});
