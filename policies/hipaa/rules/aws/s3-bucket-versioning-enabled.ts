import { CITES } from "../../controls";
import { BUCKET, bucketChildren, buckets, VERSIONING } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "s3-bucket-versioning-enabled",
  description: "S3 buckets have versioning enabled (an aws.s3.BucketVersioning with status Enabled), so overwritten or deleted objects can be recovered.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backup, ...CITES.integrity],
  remediation:
    "Use the `PhiBucket` component, or add an `aws.s3.BucketVersioning` with `bucket: bucket.id` and `versioningConfiguration: { status: \"Enabled\" }`.",
  controls: {
    awsConfig: ["S3_BUCKET_VERSIONING_ENABLED"],
    cdkNag: ["HIPAA.Security-S3BucketVersioningEnabled"],
    checkov: ["CKV_AWS_21"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      const versionings = bucketChildren(args.resources, bucket, VERSIONING);
      if (versionings.length === 0) {
        report("no aws.s3.BucketVersioning belongs to this bucket.", bucket.urn);
        return;
      }
      if (!versionings.some((v) => v.props.versioningConfiguration?.status === "Enabled")) {
        report("the bucket's versioning status is not 'Enabled'.", bucket.urn);
      }
    });
  },
});
