import { stackRule } from "../aws/lib/rule";
import { ofType } from "../aws/lib/stack";
import { requireAccountRoot } from "./lib/account";

const POLICY = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";

export default stackRule({
  name: "account-root-has-password-policy",
  description:
    "An account-root stack sets the account's IAM password policy (its strength is checked by iam-account-password-policy-strong), so IAM users cannot keep AWS's permissive default.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(5)(ii)(D)", "164.312(d)"],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack (14+ characters of all four kinds, reuse of 24 prevented, 90-day maximum age), or an `aws.iam.AccountPasswordPolicy` with those settings.",
  controls: {
    awsConfig: ["IAM_PASSWORD_POLICY"],
    cis: ["AWS 3.0.0 1.8", "AWS 3.0.0 1.9"],
  },
  resourceTypes: [POLICY],
  check: (args, report) => {
    requireAccountRoot(args);
    if (ofType(args.resources, POLICY).length === 0) {
      report("no account password policy (aws.iam.AccountPasswordPolicy): IAM users get AWS's default policy (8 characters, no expiry, reuse allowed).");
    }
  },
});
