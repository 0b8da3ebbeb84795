import { CITES } from "../../controls";
import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "lambda-function-in-vpc",
  description: "Lambda functions run in a VPC (vpcConfig with subnets), so their network access to PHI stores is governed by security groups and flow-logged.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Use the `SecureWorkload` component, or set `vpcConfig: { subnetIds: network.privateSubnetIds, securityGroupIds: [...] }`.",
  controls: {
    awsConfig: ["LAMBDA_INSIDE_VPC"],
    cdkNag: ["HIPAA.Security-LambdaInsideVPC"],
    checkov: ["CKV_AWS_117"],
  },
  resourceTypes: ["aws:lambda/function:Function"],
  check: (props, _args, report) => {
    if (arrayOf(props.vpcConfig?.subnetIds).length === 0) report("the function has no vpcConfig subnets, so it runs outside any VPC.");
  },
});
