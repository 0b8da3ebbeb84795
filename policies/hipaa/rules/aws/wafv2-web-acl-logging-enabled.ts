import { CITES } from "../../controls";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "wafv2-web-acl-logging-enabled",
  description: "AWS WAF web ACLs log the requests they inspect (an aws.wafv2.WebAclLoggingConfiguration whose resourceArn names the web ACL).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit, "164.308(a)(6)(ii)"],
  remediation:
    "Use the `SecureWorkload` component (WAF logs to an encrypted log group), or add an `aws.wafv2.WebAclLoggingConfiguration` with `resourceArn: webAcl.arn`.",
  controls: {
    awsConfig: ["WAFV2_LOGGING_ENABLED"],
    cdkNag: ["HIPAA.Security-WAFv2LoggingEnabled"],
    checkov: ["CKV2_AWS_31"],
  },
  resourceTypes: ["aws:wafv2/webAcl:WebAcl"],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, "aws:wafv2/webAcl:WebAcl"), (acl) => {
      if (childrenOf(args.resources, acl, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "resourceArn").length === 0) {
        report("no logging configuration is attached to this web ACL.", acl.urn);
      }
    });
  },
});
