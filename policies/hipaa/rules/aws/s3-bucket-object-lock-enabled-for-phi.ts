import { isPhi } from "./lib/props";
import { BUCKET, bucketChildren, buckets, OBJECT_LOCK_CONFIGURATION } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "s3-bucket-object-lock-enabled-for-phi",
  description:
    "S3 buckets tagged data-classification: phi are created with Object Lock and have a default retention (an aws.s3.BucketObjectLockConfiguration), so objects cannot be destroyed or altered before their retention ends.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(B)", "164.312(c)(1)", "164.310(d)(2)(iv)"],
  remediation:
    "Use the `PhiBucket` component (Object Lock in governance mode by default), or create the bucket with `objectLockEnabled: true` and add an `aws.s3.BucketObjectLockConfiguration` with `bucket: bucket.id` and `rule.defaultRetention`.",
  controls: {
    awsConfig: ["S3_BUCKET_DEFAULT_LOCK_ENABLED"],
    checkov: ["CKV_AWS_143"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      if (!isPhi(bucket.props)) return;
      if (bucket.props.objectLockEnabled !== true) {
        report("the PHI bucket is not created with objectLockEnabled: true.", bucket.urn);
        return;
      }
      const configs = bucketChildren(args.resources, bucket, OBJECT_LOCK_CONFIGURATION);
      const retention = configs.map((c) => c.props.rule?.defaultRetention).find((r) => r && (r.days || r.years));
      if (!retention) report("the PHI bucket has no aws.s3.BucketObjectLockConfiguration with a default retention.", bucket.urn);
    });
  },
});
