import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { WORKLOAD_TYPES, podSpecOf } from "./pod-spec";
import { asArray, asObject, resourceRule, textOf } from "./support";

const SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
const BINDINGS = [
  "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
  "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
];

/**
 * CIS EKS 4.1.5 "default service accounts are not actively used": workloads run under a dedicated
 * service account, the `default` account does not mount its token, and no binding grants it rights.
 */
export default resourceRule({
  name: "k8s-default-service-account-not-used",
  description:
    "The default service account of a namespace must not be used: workloads name a dedicated serviceAccountName, a `default` ServiceAccount object sets automountServiceAccountToken: false, and no RoleBinding or ClusterRoleBinding grants rights to a `default` service account. Otherwise every pod of the namespace shares one identity and its rights.",
  hipaa: ["164.312(a)(2)(i)", "164.308(a)(4)(ii)(B)"],
  controls: { checkov: ["CKV_K8S_41", "CKV_K8S_42"], cis: ["4.1.5", "5.2.1"] },
  remediation:
    "Create a ServiceAccount per workload and set `serviceAccountName` on its pod spec (phiguard's `SecureWorkload` creates one); bind roles to that account, not to `default`; `WorkloadBaseline` sets `automountServiceAccountToken: false` on each namespace's default account.",
  enforcementLevel: "mandatory",
  resourceTypes: [...WORKLOAD_TYPES, SERVICE_ACCOUNT, ...BINDINGS],
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    if (args.type === SERVICE_ACCOUNT) {
      if (asObject(args.props.metadata)?.name === "default" && args.props.automountServiceAccountToken !== false) {
        reportViolation(`The "default" ServiceAccount does not set automountServiceAccountToken: false.`);
      }
      return;
    }
    if (BINDINGS.includes(args.type)) {
      asArray(args.props.subjects).forEach((item, i) => {
        const subject = asObject(item);
        if (subject?.kind === "ServiceAccount" && subject.name === "default") {
          const namespace = textOf(() => subject.namespace);
          const ns = namespace ? ` in namespace "${namespace}"` : "";
          reportViolation(`subjects[${i}] binds the "default" service account${ns}.`);
        }
      });
      return;
    }
    const pod = podSpecOf(args.type, args.props);
    if (!pod) return;
    const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
    if (account === undefined || account === "") {
      reportViolation(`${pod.path}.serviceAccountName is not set: the pod runs as the namespace's "default" service account.`);
    } else if (account === "default") {
      reportViolation(`${pod.path}.serviceAccountName is "default".`);
    }
  },
});
