import { hasValue } from "./lib/props";
import { BUCKET, BUCKET_ACL, bucketChildren, buckets, OWNERSHIP_CONTROLS } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "s3-bucket-acls-disabled",
  description:
    "S3 buckets disable ACLs explicitly (aws.s3.BucketOwnershipControls with objectOwnership BucketOwnerEnforced) and grant nothing through ACLs, so access is governed by policies alone.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)"],
  remediation:
    "Use the `PhiBucket` component, or add an `aws.s3.BucketOwnershipControls` with `bucket: bucket.id` and `rule: { objectOwnership: \"BucketOwnerEnforced\" }`, and remove `aws.s3.BucketAcl` resources and inline `acl`/`grants`.",
  controls: {
    awsConfig: ["S3_BUCKET_ACL_PROHIBITED"],
    checkov: ["CKV2_AWS_65"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      const controls = bucketChildren(args.resources, bucket, OWNERSHIP_CONTROLS);
      if (!controls.some((c) => c.props.rule?.objectOwnership === "BucketOwnerEnforced")) {
        report("no aws.s3.BucketOwnershipControls with objectOwnership 'BucketOwnerEnforced' belongs to this bucket.", bucket.urn);
      }
      const acls = bucketChildren(args.resources, bucket, BUCKET_ACL);
      if (acls.length > 0 || hasValue(bucket.props, "acl") || hasValue(bucket.props, "grants")) {
        report("the bucket sets an ACL; ACLs should be disabled.", bucket.urn);
      }
    });
  },
});
