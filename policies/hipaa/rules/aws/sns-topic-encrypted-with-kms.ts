import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "sns-topic-encrypted-with-kms",
  description: "SNS topics are encrypted with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(B)", ...CITES.encryptionAtRest],
  remediation: "Encrypt with an `EnvelopeKey` (as `SecurityMonitoring` does for its alarm topic): set `kmsMasterKeyId: key.arn` on the `aws.sns.Topic`.",
  controls: {
    awsConfig: ["SNS_ENCRYPTED_KMS"],
    cdkNag: ["HIPAA.Security-SNSEncryptedKMS"],
    checkov: ["CKV_AWS_26"],
  },
  resourceTypes: ["aws:sns/topic:Topic"],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsMasterKeyId");
    if (problem) report(`${problem}.`);
  },
});
