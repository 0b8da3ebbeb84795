import { loadBalancerType, V2_LOAD_BALANCERS } from "./lib/elb";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "alb-waf-associated",
  description: "Internet-facing application load balancers are protected by an AWS WAF web ACL (an aws.wafv2.WebAclAssociation whose resourceArn names the load balancer).",
  enforcementLevel: "advisory",
  hipaa: ["164.312(e)(1)", "164.312(c)(1)", "164.308(a)(5)(ii)(B)"],
  remediation:
    "Use the `SecureWorkload` component (it creates a web ACL with AWS managed rule groups and associates it), or add an `aws.wafv2.WebAclAssociation` with `resourceArn: alb.arn`.",
  controls: {
    awsConfig: ["ALB_WAF_ENABLED"],
    checkov: ["CKV2_AWS_28"],
  },
  resourceTypes: V2_LOAD_BALANCERS,
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, ...V2_LOAD_BALANCERS), (lb) => {
      if (loadBalancerType(lb.props) !== "application" || lb.props.internal === true) return;
      if (childrenOf(args.resources, lb, "aws:wafv2/webAclAssociation:WebAclAssociation", "resourceArn").length === 0) {
        report("no WAF web ACL is associated with this internet-facing application load balancer.", lb.urn);
      }
    });
  },
});
