import { arrayOf } from "./lib/props";
import { STAGE, stageRestApis } from "./lib/apigateway";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "apigateway-stage-waf-associated",
  description:
    "API Gateway REST API stages that are not private are protected by an AWS WAF web ACL (an aws.wafv2.WebAclAssociation whose resourceArn names the stage).",
  enforcementLevel: "advisory",
  hipaa: ["164.312(e)(1)", "164.312(c)(1)", "164.308(a)(5)(ii)(B)"],
  remediation:
    "Add an `aws.wafv2.WebAclAssociation` with `resourceArn: stage.arn` and a REGIONAL `aws.wafv2.WebAcl` with AWS managed rule groups (as `SecureWorkload` does for load balancers).",
  controls: {
    awsConfig: ["API_GW_ASSOCIATED_WITH_WAF"],
    checkov: ["CKV2_AWS_29"],
  },
  resourceTypes: [STAGE],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, STAGE), (stage) => {
      const apis = stageRestApis(args.resources, stage);
      if (apis.length > 0 && apis.every((api) => arrayOf<string>(api.props.endpointConfiguration?.types).includes("PRIVATE"))) return;
      if (childrenOf(args.resources, stage, "aws:wafv2/webAclAssociation:WebAclAssociation", "resourceArn", ["stageName"]).length === 0) {
        report("no WAF web ACL is associated with this stage.", stage.urn);
      }
    });
  },
});
