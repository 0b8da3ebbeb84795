import { CITES } from "../../controls";
import { hasConditions, hasWildcardPrincipal, statementsOrReport } from "./lib/policy-document";
import { resourceRule } from "./lib/rule";

/** No key policy statement lets anyone use or manage the key. */
export default resourceRule({
  name: "kms-key-policy-no-wildcard-principal",
  description:
    "KMS key policies do not allow the wildcard principal (\"*\") without a condition that scopes it (e.g. kms:CallerAccount or kms:ViaService).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest, "164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
  remediation:
    "Let the `EnvelopeKey` component build the key policy from its `owners`, `administrators`, `users` and `servicePrincipals` lists, or name explicit principals (or add a scoping condition) in the statement that allows \"*\".",
  controls: {
    checkov: ["CKV_AWS_33"],
  },
  resourceTypes: ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"],
  check: (props, _args, report) => {
    if (props.policy === undefined || props.policy === null || props.policy === "") return;
    for (const s of statementsOrReport(props.policy, report) ?? []) {
      if (s.effect === "Allow" && hasWildcardPrincipal(s) && !hasConditions(s)) {
        report(`statement ${s.sid ? `'${s.sid}' ` : ""}allows ${s.actions.join(", ") || "actions"} to any principal ("*") without a condition.`);
      }
    }
  },
});
