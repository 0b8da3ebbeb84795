import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "cloudwatch-log-group-encrypted-with-kms",
  description: "CloudWatch Logs log groups are encrypted with a customer managed KMS key (logs may contain PHI).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation:
    "Create log groups through phiguard components (`AuditTrail`, `MultiRegionNetwork`, `SecureWorkload` encrypt them with an `EnvelopeKey` that allows CloudWatch Logs), or set `kmsKeyId: key.arn` on the `aws.cloudwatch.LogGroup`.",
  controls: {
    awsConfig: ["CLOUDWATCH_LOG_GROUP_ENCRYPTED"],
    cdkNag: ["HIPAA.Security-CloudWatchLogGroupEncrypted"],
    checkov: ["CKV_AWS_158"],
  },
  resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}.`);
  },
});
