import { BUCKET, bucketChildren, buckets, VERSIONING } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";

export default stackRule({
  name: "s3-bucket-versioned-has-lifecycle",
  description:
    "Versioned S3 buckets have a lifecycle configuration, so noncurrent versions are moved and expired according to the retention schedule instead of piling up unmanaged.",
  enforcementLevel: "advisory",
  hipaa: ["164.310(d)(2)(iv)", "164.308(a)(7)(ii)(A)"],
  remediation:
    "Use the `PhiBucket` component (retention-driven lifecycle rules), or add an `aws.s3.BucketLifecycleConfiguration` with `bucket: bucket.id` and rules for noncurrent versions.",
  controls: {
    awsConfig: ["S3_VERSION_LIFECYCLE_POLICY_CHECK"],
    checkov: ["CKV2_AWS_61"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      const versioned = bucketChildren(args.resources, bucket, VERSIONING).some((v) => v.props.versioningConfiguration?.status === "Enabled");
      if (!versioned) return;
      if (bucketChildren(args.resources, bucket, LIFECYCLE).length === 0) report("the bucket is versioned but has no lifecycle configuration.", bucket.urn);
    });
  },
});
