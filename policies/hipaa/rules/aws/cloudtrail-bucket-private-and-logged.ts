import { listing, peekString } from "./lib/props";
import { BUCKET, bucketChildren, LOGGING, PUBLIC_ACCESS_BLOCK } from "./lib/s3";
import { forEachDeferred, ofType, parentsOf } from "./lib/stack";
import { stackRule } from "./lib/rule";

const TRAIL = "aws:cloudtrail/trail:Trail";
const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export default stackRule({
  name: "cloudtrail-bucket-private-and-logged",
  description:
    "The S3 bucket each CloudTrail trail writes to is managed in the stack, blocks all public access and has server access logging, so the audit log itself is protected and its readers are recorded.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)", "164.312(c)(1)", "164.312(a)(1)"],
  remediation:
    "Use the `AuditTrail` component (it creates the trail bucket with public access blocked and access logging), or give the trail's bucket an `aws.s3.BucketPublicAccessBlock` (all four true) and an `aws.s3.BucketLogging`.",
  controls: {
    cis: ["AWS 3.0.0 3.4"],
    checkov: ["CKV_AWS_18"],
  },
  resourceTypes: [TRAIL],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, TRAIL), (trail) => {
      const buckets = parentsOf(args.resources, trail, "s3BucketName", BUCKET, ["bucket"]);
      const bucket = buckets[0];
      if (!bucket) {
        const name = peekString(trail.props, "s3BucketName");
        report(`the trail's bucket${name ? ` '${name}'` : ""} is not managed in this stack, so its protection cannot be verified.`, trail.urn);
        return;
      }
      const blocks = bucketChildren(args.resources, bucket, PUBLIC_ACCESS_BLOCK);
      const fullBlock = blocks.some((b) => FLAGS.every((f) => b.props[f] === true));
      if (!fullBlock) report(`trail bucket '${bucket.name}' does not block all public access (${listing(FLAGS)} all true).`, trail.urn);
      if (bucketChildren(args.resources, bucket, LOGGING).length === 0) {
        report(`trail bucket '${bucket.name}' has no server access logging.`, trail.urn);
      }
    });
  },
});
