import { IDENTITY_POLICY_TYPES, identityPolicies } from "./lib/iam";
import { actionMatches, statementsOrReport } from "./lib/policy-document";
import { listing } from "./lib/props";
import { resourceRule } from "./lib/rule";

const BLOCKED = ["kms:Decrypt", "kms:ReEncryptFrom"];

export default resourceRule({
  name: "iam-policy-no-kms-decrypt-on-all-keys",
  description: "IAM policies do not allow kms:Decrypt or kms:ReEncryptFrom on all KMS keys (\"Resource\": \"*\"); they name the keys.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(a)(2)(iv)", "164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
  remediation:
    "Name the key ARNs in `Resource` (the `EnvelopeKey` component's grant helpers do), or keep access in the key policy and scope the IAM statement with `kms:ViaService`.",
  controls: {
    awsConfig: ["IAM_CUSTOMER_POLICY_BLOCKED_KMS_ACTIONS", "IAM_INLINE_POLICY_BLOCKED_KMS_ACTIONS"],
  },
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (props, args, report) => {
    for (const { where, document } of identityPolicies(args.type, props)) {
      for (const s of statementsOrReport(document, report) ?? []) {
        if (s.effect !== "Allow" || !s.resources.includes("*")) continue;
        const allowed = BLOCKED.filter((b) => s.actions.some((a) => actionMatches(a, b)));
        if (allowed.length > 0) report(`${where}: statement ${s.sid ? `'${s.sid}' ` : ""}allows ${listing(allowed)} on every key.`);
      }
    }
  },
});
