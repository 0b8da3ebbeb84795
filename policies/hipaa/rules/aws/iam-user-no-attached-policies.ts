import { CITES } from "../../controls";
import { POLICY_ATTACHMENT, USER_POLICY_ATTACHMENT } from "./lib/iam";
import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

const EXCLUSIVE = "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive";

export default resourceRule({
  name: "iam-user-no-attached-policies",
  description:
    "No managed policy is attached directly to an IAM user (aws.iam.UserPolicyAttachment, aws.iam.PolicyAttachment with users, or a non-empty aws.iam.UserPolicyAttachmentsExclusive).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation:
    "Attach the policy to a group or a role instead, give people access through IAM Identity Center, and pin the user's managed policies to none with `aws.iam.UserPolicyAttachmentsExclusive` (`policyArns: []`).",
  controls: {
    awsConfig: ["IAM_USER_NO_POLICIES_CHECK"],
    cdkNag: ["HIPAA.Security-IAMUserNoPolicies"],
    checkov: ["CKV_AWS_40"],
    cis: ["AWS 3.0.0 1.15"],
  },
  resourceTypes: [USER_POLICY_ATTACHMENT, POLICY_ATTACHMENT, EXCLUSIVE],
  check: (props, args, report) => {
    if (args.type === USER_POLICY_ATTACHMENT) report("a managed policy is attached directly to an IAM user.");
    else if (args.type === EXCLUSIVE) {
      if (arrayOf(props.policyArns).length > 0) report("the user's exclusive managed policy list is not empty.");
    }
    else if (arrayOf(props.users).length > 0) report("the policy attachment attaches a managed policy directly to IAM users.");
  },
});
