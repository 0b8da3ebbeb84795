import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { ROLE_TYPES, kindOf, rulesOf } from "./rbac";
import { resourceRule } from "./support";

/** Checkov CKV_K8S_49; CIS EKS 4.1.3. */
export default resourceRule({
  name: "k8s-rbac-no-wildcards",
  description:
    'Roles and ClusterRoles must not use "*" in verbs, resources or apiGroups: a wildcard grants every present and future permission of its kind, including reading Secrets and changing RBAC itself.',
  hipaa: ["164.308(a)(4)(ii)(B)", "164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_49"], cis: ["4.1.3"] },
  remediation:
    "List the exact apiGroups, resources and verbs the subject needs. phiguard's `WorkloadBaseline` creates its RBAC roles without wildcards.",
  enforcementLevel: "mandatory",
  resourceTypes: ROLE_TYPES,
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    for (const r of rulesOf(args.props)) {
      const fields = (["verbs", "resources", "apiGroups"] as const).filter((f) => r[f].includes("*"));
      if (fields.length > 0) {
        reportViolation(`${kindOf(args.type)} rules[${r.index}] uses "*" in ${fields.join(", ")}.`);
      }
    }
  },
});
