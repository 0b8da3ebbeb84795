import { CITES } from "../../controls";
import { BUCKET, bucketChildren, buckets, isLogTarget, LOGGING } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "s3-bucket-access-logging-enabled",
  description:
    "S3 buckets deliver server access logs (an aws.s3.BucketLogging). Buckets that receive access logs from another bucket of the stack are exempt (logging them into themselves would loop).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit, "164.308(a)(1)(ii)(D)"],
  remediation:
    "Use the `PhiBucket` component (it logs to the `AuditTrail` access-log bucket), or add an `aws.s3.BucketLogging` with `bucket: bucket.id` and `targetBucket: logBucket.id`.",
  controls: {
    awsConfig: ["S3_BUCKET_LOGGING_ENABLED"],
    cdkNag: ["HIPAA.Security-S3BucketLoggingEnabled"],
    checkov: ["CKV_AWS_18"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      if (bucketChildren(args.resources, bucket, LOGGING).length > 0) return;
      if (isLogTarget(args.resources, bucket)) return;
      report("no aws.s3.BucketLogging belongs to this bucket.", bucket.urn);
    });
  },
});
