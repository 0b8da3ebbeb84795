import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "lambda-function-has-dead-letter-queue",
  description: "Lambda functions send failed asynchronous invocations to a dead-letter queue, so events carrying PHI are not lost.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)", "164.312(c)(1)"],
  remediation: "Use the `SecureWorkload` component, or set `deadLetterConfig: { targetArn: queue.arn }` (an encrypted `PhiQueue` works).",
  controls: {
    awsConfig: ["LAMBDA_DLQ_CHECK"],
    cdkNag: ["HIPAA.Security-LambdaDLQ"],
    checkov: ["CKV_AWS_116"],
  },
  resourceTypes: ["aws:lambda/function:Function"],
  check: (props, _args, report) => {
    if (!hasValue(props.deadLetterConfig, "targetArn")) report("no deadLetterConfig.targetArn is set.");
  },
});
