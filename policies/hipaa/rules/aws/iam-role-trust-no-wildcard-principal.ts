import { CITES } from "../../controls";
import { ROLE } from "./lib/iam";
import { hasConditions, hasWildcardPrincipal, statementsOrReport } from "./lib/policy-document";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "iam-role-trust-no-wildcard-principal",
  description: "IAM role trust policies do not let any principal (\"*\") assume the role without a condition that scopes who may.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege, "164.312(d)"],
  remediation:
    "Name the trusted service, account or role in `Principal` (phiguard components build trust policies with `aws.iam.assumeRolePolicyForPrincipal`), or add a scoping condition such as `aws:PrincipalOrgID`.",
  controls: {
    checkov: ["CKV_AWS_60", "CKV_AWS_61"],
  },
  resourceTypes: [ROLE],
  check: (props, _args, report) => {
    for (const s of statementsOrReport(props.assumeRolePolicy, report) ?? []) {
      if (s.effect === "Allow" && hasWildcardPrincipal(s) && !hasConditions(s)) {
        report(`trust statement ${s.sid ? `'${s.sid}' ` : ""}lets any principal assume the role.`);
      }
    }
  },
});
