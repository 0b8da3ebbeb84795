import { CITES } from "../../controls";
import { deniesInsecureTransport, statementsOrReport } from "./lib/policy-document";
import { BUCKET, bucketPolicies, buckets } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "s3-bucket-ssl-requests-only",
  description:
    "S3 bucket policies deny every request not sent over TLS: a Deny of s3:* to all principals when aws:SecureTransport is false.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit, "164.312(c)(2)"],
  remediation:
    "Use the `PhiBucket` component, or add an `aws.s3.BucketPolicy` with a statement `{ Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }`.",
  controls: {
    awsConfig: ["S3_BUCKET_SSL_REQUESTS_ONLY"],
    cdkNag: ["HIPAA.Security-S3BucketSSLRequestsOnly"],
    checkov: ["CKV_AWS_379"],
    cis: ["AWS 3.0.0 2.1.1"],
  },
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      const documents = bucketPolicies(args.resources, bucket);
      if (documents.length === 0) {
        report("no bucket policy belongs to this bucket, so requests over plain HTTP are allowed.", bucket.urn);
        return;
      }
      const statements = documents.flatMap((d) => statementsOrReport(d, report, bucket.urn) ?? []);
      if (!statements.some((s) => deniesInsecureTransport(s, ["s3:*"]))) {
        report("the bucket policy does not deny s3:* when aws:SecureTransport is false.", bucket.urn);
      }
    });
  },
});
