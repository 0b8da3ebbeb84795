import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

const PERMISSION = "aws:lambda/permission:Permission";
const FUNCTION_URL = "aws:lambda/functionUrl:FunctionUrl";

export default resourceRule({
  name: "lambda-function-not-public",
  description:
    "Lambda functions cannot be invoked by anyone: no permission grants principal \"*\" without a source restriction, and no function URL uses authorization type NONE.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Grant invoke permission to a specific service principal with `sourceArn` / `sourceAccount` (as `SecureWorkload` does), and use `authorizationType: \"AWS_IAM\"` for function URLs.",
  controls: {
    awsConfig: ["LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED"],
    cdkNag: ["HIPAA.Security-LambdaFunctionPublicAccessProhibited"],
    checkov: ["CKV_AWS_301", "CKV_AWS_258"],
  },
  resourceTypes: [PERMISSION, FUNCTION_URL],
  check: (props, args, report) => {
    if (args.type === FUNCTION_URL) {
      if (props.authorizationType === "NONE") report("the function URL uses authorizationType NONE: anyone on the internet can invoke it.");
      return;
    }
    if (props.functionUrlAuthType === "NONE") report("the permission allows unauthenticated function URL invocation (functionUrlAuthType NONE).");
    const scoped = ["sourceArn", "sourceAccount", "principalOrgId"].some((k) => hasValue(props, k));
    if (props.principal === "*" && !scoped) report("the permission lets any principal (\"*\") invoke the function without a source restriction.");
  },
});
