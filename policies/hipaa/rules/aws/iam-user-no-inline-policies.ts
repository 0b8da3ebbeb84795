import { CITES } from "../../controls";
import { USER_POLICY } from "./lib/iam";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "iam-user-no-inline-policies",
  description: "IAM users have no inline policies (aws.iam.UserPolicy); permissions come from groups or roles, where they are reviewed once for everyone.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation: "Move the permissions to a role that people assume through IAM Identity Center (or to a group), and delete the `aws.iam.UserPolicy`.",
  controls: {
    awsConfig: ["IAM_NO_INLINE_POLICY_CHECK", "IAM_USER_NO_POLICIES_CHECK"],
    cdkNag: ["HIPAA.Security-IAMNoInlinePolicy"],
    checkov: ["CKV_AWS_40"],
    cis: ["AWS 3.0.0 1.15"],
  },
  resourceTypes: [USER_POLICY],
  check: (_props, _args, report) => {
    report("an inline policy is attached directly to an IAM user.");
  },
});
