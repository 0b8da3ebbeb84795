import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { QUEUE } from "./lib/sqs";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "sqs-queue-encrypted-with-kms",
  description: "SQS queues are encrypted with a customer managed KMS key (SSE-KMS), not SSE-SQS or the AWS managed key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use the `PhiQueue` component, or set `kmsMasterKeyId: key.arn` on the `aws.sqs.Queue`.",
  controls: {
    checkov: ["CKV_AWS_27"],
  },
  resourceTypes: [QUEUE],
  check: (props, _args, report) => {
    const problem = customerKeyProblem(props, "kmsMasterKeyId");
    if (problem) report(`${problem}; messages are not encrypted with a customer managed key.`);
  },
});
