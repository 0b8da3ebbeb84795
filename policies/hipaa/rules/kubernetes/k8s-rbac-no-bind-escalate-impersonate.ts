import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { ROLE_TYPES, kindOf, rulesOf } from "./rbac";
import { resourceRule } from "./support";

const ESCALATING_VERBS = ["bind", "escalate", "impersonate"];

/** Checkov CKV_K8S_157, CKV_K8S_158, CKV2_K8S_3; CIS EKS 4.1.8. */
export default resourceRule({
  name: "k8s-rbac-no-bind-escalate-impersonate",
  description:
    "Roles and ClusterRoles must not grant the bind, escalate or impersonate verbs: each lets the subject obtain permissions it was never given (bind any role, edit roles beyond its own rights, act as another user or group such as system:masters).",
  hipaa: ["164.308(a)(4)(ii)(B)", "164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_157", "CKV_K8S_158", "CKV2_K8S_3"], cis: ["4.1.8"] },
  remediation:
    "Remove `bind`, `escalate` and `impersonate` from the role's verbs; grant specific roles through RoleBindings managed in code (phiguard's `WorkloadBaseline` creates them) instead of letting a subject bind or impersonate.",
  enforcementLevel: "mandatory",
  resourceTypes: ROLE_TYPES,
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    for (const r of rulesOf(args.props)) {
      const verbs = r.verbs.filter((v) => ESCALATING_VERBS.includes(v));
      if (verbs.length > 0) {
        const on = r.resources.length > 0 ? ` on ${r.resources.join(", ")}` : "";
        reportViolation(`${kindOf(args.type)} rules[${r.index}] grants ${verbs.join(", ")}${on}.`);
      }
    }
  },
});
