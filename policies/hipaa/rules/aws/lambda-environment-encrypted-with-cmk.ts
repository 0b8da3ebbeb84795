import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "lambda-environment-encrypted-with-cmk",
  description: "Lambda functions with environment variables encrypt them with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use the `SecureWorkload` component, or set `kmsKeyArn: key.arn` on the function (better: keep secrets in Secrets Manager, not environment variables).",
  controls: {
    checkov: ["CKV_AWS_173"],
  },
  resourceTypes: ["aws:lambda/function:Function"],
  check: (props, args, report) => {
    const variables = props.environment?.variables as Record<string, unknown> | undefined;
    if (!variables || Object.keys(variables).length === 0) args.notApplicable("the function has no environment variables");
    const problem = customerKeyProblem(props, "kmsKeyArn");
    if (problem) report(`the function has environment variables but ${problem}.`);
  },
});
