import { conditionValues, coversActions, hasWildcardPrincipal, statementsOrReport, type Statement } from "./lib/policy-document";
import { BUCKET, bucketPolicies, buckets } from "./lib/s3";
import { forEachDeferred } from "./lib/stack";
import { stackRule } from "./lib/rule";

const MINIMUM = 1.2;

function deniesOldTls(s: Statement): boolean {
  if (s.effect !== "Deny" || !hasWildcardPrincipal(s) || !coversActions(s, ["s3:*"])) return false;
  return conditionValues(s, ["NumericLessThan"], "s3:TlsVersion").some((v) => Number(v) >= MINIMUM);
}

export default stackRule({
  name: "s3-bucket-policy-requires-tls-1-2",
  description: "S3 bucket policies deny requests made with TLS older than 1.2 (NumericLessThan s3:TlsVersion 1.2).",
  enforcementLevel: "advisory",
  hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  remediation:
    "Use the `PhiBucket` component, or add to the bucket policy `{ Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", Resource: [...], Condition: { NumericLessThan: { \"s3:TlsVersion\": \"1.2\" } } }`.",
  controls: {},
  resourceTypes: [BUCKET],
  check: (args, report) => {
    forEachDeferred(buckets(args.resources), (bucket) => {
      const documents = bucketPolicies(args.resources, bucket);
      const statements = documents.flatMap((d) => statementsOrReport(d, report, bucket.urn) ?? []);
      if (!statements.some(deniesOldTls)) {
        report(
          documents.length === 0
            ? "no bucket policy belongs to this bucket, so TLS versions older than 1.2 are not denied."
            : "the bucket policy does not deny s3:* when s3:TlsVersion is less than 1.2.",
          bucket.urn,
        );
      }
    });
  },
});
