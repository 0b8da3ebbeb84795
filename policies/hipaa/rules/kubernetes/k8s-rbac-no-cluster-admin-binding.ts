import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { BINDING_TYPES, kindOf } from "./rbac";
import { asArray, asObject, resourceRule, textOf } from "./support";

/** CIS EKS 4.1.1. */
export default resourceRule({
  name: "k8s-rbac-no-cluster-admin-binding",
  description:
    "RoleBindings and ClusterRoleBindings must not grant the cluster-admin ClusterRole: it is unrestricted access to every namespace, Secret and RBAC object; cluster administration goes through EKS access entries of named IAM principals instead.",
  hipaa: ["164.308(a)(4)(ii)(B)", "164.312(a)(1)"],
  controls: { cis: ["4.1.1"] },
  remediation:
    "Bind a narrower ClusterRole or Role (e.g. `edit` or `view` scoped to a namespace). Give administrators cluster access through EKS access entries with `AmazonEKSClusterAdminPolicy` on named roles (phiguard's `SecureCluster` access entries), not through a Kubernetes binding; waive this rule for a documented break-glass binding.",
  enforcementLevel: "mandatory",
  resourceTypes: BINDING_TYPES,
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const ref = asObject(args.props.roleRef);
    if (ref?.kind !== "ClusterRole" || ref.name !== "cluster-admin") return;
    const subjects = textOf(() =>
      asArray(args.props.subjects)
        .map((s) => asObject(s))
        .filter((s) => s !== undefined)
        .map((s) => `${String(s.kind)} ${String(s.name)}`)
        .join(", "),
    );
    reportViolation(
      `${kindOf(args.type)} grants cluster-admin${subjects ? ` to ${subjects}` : ""}.`,
    );
  },
});
