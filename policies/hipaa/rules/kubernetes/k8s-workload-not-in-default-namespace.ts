import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { DEFAULT_NAMESPACE, namespaceOf } from "./namespace";
import { WORKLOAD_TYPES } from "./pod-spec";
import { asObject, resourceRule } from "./support";

/** Namespaced kinds that hold or expose application data besides the workloads themselves. */
const OTHER_TYPES = [
  "kubernetes:core/v1:Service",
  "kubernetes:core/v1:Secret",
  "kubernetes:core/v1:ConfigMap",
  "kubernetes:core/v1:PersistentVolumeClaim",
  "kubernetes:core/v1:ServiceAccount",
  "kubernetes:networking.k8s.io/v1:Ingress",
  "kubernetes:networking.k8s.io/v1beta1:Ingress",
  "kubernetes:extensions/v1beta1:Ingress",
  "kubernetes:rbac.authorization.k8s.io/v1:Role",
  "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
];

/** Checkov CKV_K8S_21; CIS EKS 4.5.1, 4.5.2. */
export default resourceRule({
  name: "k8s-workload-not-in-default-namespace",
  description:
    "Workloads and their Services, Secrets, ConfigMaps, volumes, Ingresses and RBAC objects must live in a dedicated namespace, not `default`: the namespace is the boundary for Pod Security admission, NetworkPolicy, quotas and RBAC.",
  hipaa: ["164.308(a)(4)(i)"],
  controls: { checkov: ["CKV_K8S_21"], cis: ["4.5.1", "4.5.2"] },
  remediation:
    "Set `metadata.namespace` to a namespace created by phiguard's `WorkloadBaseline` (restricted Pod Security, default-deny NetworkPolicy, quota), e.g. `metadata: { namespace: baseline.namespace }`, or give the Kubernetes provider a `namespace`.",
  enforcementLevel: "mandatory",
  resourceTypes: [...WORKLOAD_TYPES, ...OTHER_TYPES],
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    // The namespace's own `default` ServiceAccount is legitimately managed there (to disable its token).
    if (args.type === "kubernetes:core/v1:ServiceAccount" && asObject(args.props.metadata)?.name === "default") return;
    if (namespaceOf(args.props, args.provider) === DEFAULT_NAMESPACE) {
      reportViolation(
        asObject(args.props.metadata)?.namespace === DEFAULT_NAMESPACE
          ? `metadata.namespace is "default".`
          : `No namespace is given (metadata.namespace, or the provider's namespace), so it lands in "default".`,
      );
    }
  },
});
