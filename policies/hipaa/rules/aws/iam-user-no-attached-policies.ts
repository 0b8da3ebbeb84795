import { CITES } from "../../controls";
import { POLICY_ATTACHMENT, USER_POLICY_ATTACHMENT } from "./lib/iam";
import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "iam-user-no-attached-policies",
  description: "No managed policy is attached directly to an IAM user (aws.iam.UserPolicyAttachment, or aws.iam.PolicyAttachment with users).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation: "Attach the policy to a group or a role instead, and give people access through IAM Identity Center.",
  controls: {
    awsConfig: ["IAM_USER_NO_POLICIES_CHECK"],
    cdkNag: ["HIPAA.Security-IAMUserNoPolicies"],
    checkov: ["CKV_AWS_40"],
    cis: ["AWS 3.0.0 1.15"],
  },
  resourceTypes: [USER_POLICY_ATTACHMENT, POLICY_ATTACHMENT],
  check: (props, args, report) => {
    if (args.type === USER_POLICY_ATTACHMENT) report("a managed policy is attached directly to an IAM user.");
    else if (arrayOf(props.users).length > 0) report("the policy attachment attaches a managed policy directly to IAM users.");
  },
});
