import { CITES } from "../../controls";
import { USER_POLICY } from "./lib/iam";
import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

const EXCLUSIVE = "aws:iam/userPoliciesExclusive:UserPoliciesExclusive";

export default resourceRule({
  name: "iam-user-no-inline-policies",
  description:
    "IAM users have no inline policies (no aws.iam.UserPolicy; an aws.iam.UserPoliciesExclusive, which removes every inline policy not listed, lists none); permissions come from groups or roles, where they are reviewed once for everyone.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation:
    "Move the permissions to a role that people assume through IAM Identity Center (or to a group), delete the `aws.iam.UserPolicy`, and pin the user's inline policies to none with `aws.iam.UserPoliciesExclusive` (`policyNames: []`).",
  controls: {
    awsConfig: ["IAM_USER_NO_POLICIES_CHECK"],
    checkov: ["CKV_AWS_40"],
    cis: ["AWS 3.0.0 1.15"],
  },
  resourceTypes: [USER_POLICY, EXCLUSIVE],
  check: (props, args, report) => {
    if (args.type === USER_POLICY) report("an inline policy is attached directly to an IAM user.");
    else if (arrayOf(props.policyNames).length > 0) report("the user's exclusive inline policy list is not empty.");
  },
});
