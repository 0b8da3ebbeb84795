import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { ROLE_TYPES, kindOf, rulesOf } from "./rbac";
import { resourceRule } from "./support";

const READ_VERBS = ["get", "list", "watch", "*"];

/** Checkov CKV2_K8S_5; CIS EKS 4.1.2. */
export default resourceRule({
  name: "k8s-rbac-limit-secret-access",
  description:
    "Roles and ClusterRoles must not grant get, list or watch on all Secrets (of the core API group): read access must name the Secrets it needs (resourceNames), since Secrets hold database passwords, API keys and TLS keys that guard ePHI.",
  hipaa: ["164.308(a)(4)(ii)(B)", "164.312(a)(1)"],
  controls: { checkov: ["CKV2_K8S_5"], cis: ["4.1.2"] },
  remediation:
    'Restrict the rule to the Secrets the subject needs with `resourceNames: ["..."]` and the `get` verb, or mount the Secret into the pod instead of reading it through the API. phiguard\'s `WorkloadBaseline` roles grant no Secret access.',
  enforcementLevel: "mandatory",
  resourceTypes: ROLE_TYPES,
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    for (const r of rulesOf(args.props)) {
      const coreGroup = r.apiGroups.includes("") || r.apiGroups.includes("*");
      const secrets = r.resources.includes("secrets") || r.resources.includes("*");
      const verbs = r.verbs.filter((v) => READ_VERBS.includes(v));
      if (coreGroup && secrets && verbs.length > 0 && r.resourceNames.length === 0) {
        reportViolation(`${kindOf(args.type)} rules[${r.index}] grants ${verbs.join(", ")} on every Secret.`);
      }
    }
  },
});
