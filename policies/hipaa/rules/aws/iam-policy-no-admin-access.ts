import { CITES } from "../../controls";
import {
  ADMIN_POLICY_ARN,
  GROUP_POLICY_ATTACHMENT,
  IDENTITY_POLICY_TYPES,
  identityPolicies,
  POLICY_ATTACHMENT,
  ROLE,
  ROLE_POLICY_ATTACHMENT,
  USER_POLICY_ATTACHMENT,
} from "./lib/iam";
import { statementsOrReport } from "./lib/policy-document";
import { arrayOf, peekString } from "./lib/props";
import { resourceRule } from "./lib/rule";

const ATTACHMENTS = [ROLE_POLICY_ATTACHMENT, USER_POLICY_ATTACHMENT, GROUP_POLICY_ATTACHMENT, POLICY_ATTACHMENT];

export default resourceRule({
  name: "iam-policy-no-admin-access",
  description:
    "No IAM policy allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\"), and no role, user or group gets the AWS managed AdministratorAccess policy.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation:
    "Grant only the actions a workload needs (the `SecureWorkload` and `EnvelopeKey` components build scoped policies); administrators should use IAM Identity Center permission sets, not policies in the workload stack.",
  controls: {
    awsConfig: ["IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"],
    cdkNag: ["HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess"],
    checkov: ["CKV_AWS_62", "CKV_AWS_1", "CKV_AWS_274"],
    cis: ["AWS 3.0.0 1.16"],
  },
  resourceTypes: [...IDENTITY_POLICY_TYPES, ...ATTACHMENTS],
  check: (props, args, report) => {
    if (ATTACHMENTS.includes(args.type)) {
      const arn = peekString(props, "policyArn") ?? String(props.policyArn);
      if (ADMIN_POLICY_ARN.test(arn)) report("attaches the AWS managed AdministratorAccess policy.");
      return;
    }
    if (args.type === ROLE) {
      for (const arn of arrayOf<string>(props.managedPolicyArns)) {
        if (ADMIN_POLICY_ARN.test(arn)) report("managedPolicyArns includes AdministratorAccess.");
      }
    }
    for (const { where, document } of identityPolicies(args.type, props)) {
      for (const s of statementsOrReport(document, report) ?? []) {
        const allActions = s.actions.some((a) => a === "*" || a === "*:*");
        if (s.effect === "Allow" && allActions && s.resources.includes("*")) {
          report(`${where}: statement ${s.sid ? `'${s.sid}' ` : ""}allows "*" on "*".`);
        }
      }
    }
  },
});
