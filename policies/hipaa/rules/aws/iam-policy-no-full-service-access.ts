import { CITES } from "../../controls";
import { IDENTITY_POLICY_TYPES, identityPolicies } from "./lib/iam";
import { statementsOrReport } from "./lib/policy-document";
import { listing } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "iam-policy-no-full-service-access",
  description: "IAM policies do not allow every action of a service (\"s3:*\", \"kms:*\", ...); they list the actions the principal needs.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.leastPrivilege],
  remediation: "Replace `service:*` with the specific actions needed (the phiguard components' `grant*` helpers emit minimal action lists).",
  controls: {
    awsConfig: ["IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS"],
    cdkNag: ["HIPAA.Security-IAMPolicyNoStatementsWithFullAccess"],
    checkov: ["CKV_AWS_63", "CKV_AWS_49"],
  },
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (props, args, report) => {
    for (const { where, document } of identityPolicies(args.type, props)) {
      for (const s of statementsOrReport(document, report) ?? []) {
        if (s.effect !== "Allow") continue;
        const full = s.actions.filter((a) => /^[a-z0-9-]+:\*$/i.test(a));
        if (full.length > 0) report(`${where}: statement ${s.sid ? `'${s.sid}' ` : ""}allows ${listing(full)}.`);
      }
    }
  },
});
