import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "cloudtrail-encrypted-with-kms",
  description: "CloudTrail trails encrypt their log files with a customer managed KMS key (SSE-KMS).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use the `AuditTrail` component (it encrypts with its own `EnvelopeKey`), or set `kmsKeyId: key.arn` on the `aws.cloudtrail.Trail`.",
  controls: {
    awsConfig: ["CLOUD_TRAIL_ENCRYPTION_ENABLED"],
    cdkNag: ["HIPAA.Security-CloudTrailEncryptionEnabled"],
    checkov: ["CKV_AWS_35"],
    cis: ["AWS 3.0.0 3.5"],
  },
  resourceTypes: ["aws:cloudtrail/trail:Trail"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}; log files are encrypted with SSE-S3 only.`);
  },
});
