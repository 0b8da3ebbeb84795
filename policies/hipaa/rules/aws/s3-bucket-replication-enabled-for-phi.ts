import { CITES } from "../../controls";
import { arrayOf, isPhi, type Props } from "./lib/props";
import { BUCKET, bucketChildren, buckets, isReplicationDestination, REPLICATION_CONFIG } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "s3-bucket-replication-enabled-for-phi",
  description:
    "S3 buckets tagged data-classification: phi replicate to another bucket (an aws.s3.BucketReplicationConfig with an enabled rule). Buckets that are themselves replication destinations in the stack are exempt.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backup, "164.310(d)(2)(iv)"],
  remediation:
    "Use the `PhiBucket` component with a replica region (it creates the replica bucket, key and replication role), or add an `aws.s3.BucketReplicationConfig` with `bucket: bucket.id` and an `Enabled` rule.",
  controls: {
    awsConfig: ["S3_BUCKET_REPLICATION_ENABLED"],
    cdkNag: ["HIPAA.Security-S3BucketReplicationEnabled"],
    checkov: ["CKV_AWS_144"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      if (!isPhi(bucket.props)) return;
      const configs = bucketChildren(args.resources, bucket, REPLICATION_CONFIG);
      if (configs.some((c) => arrayOf<Props>(c.props.rules).some((r) => r.status === "Enabled"))) return;
      if (isReplicationDestination(args.resources, bucket)) return;
      report(
        configs.length === 0
          ? "the PHI bucket has no aws.s3.BucketReplicationConfig."
          : "the PHI bucket's replication configuration has no rule with status 'Enabled'.",
        bucket.urn,
      );
    });
  },
});
