import { podSpecRule } from "./pod-spec";

/** Checkov CKV_K8S_38; CIS EKS 4.1.6. */
export default podSpecRule({
  name: "k8s-no-service-account-token-automount",
  description:
    "Pods must set automountServiceAccountToken: false unless they need the Kubernetes API; a pod that does must ask for it explicitly (automountServiceAccountToken: true) under a dedicated, non-default service account. A mounted token lets anyone who compromises the container act with the account's RBAC rights.",
  hipaa: ["164.312(a)(2)(i)", "164.308(a)(4)(ii)(B)"],
  controls: { checkov: ["CKV_K8S_38"], cis: ["4.1.6"] },
  remediation:
    "Set `automountServiceAccountToken: false` on the pod spec (AWS access through IRSA or EKS Pod Identity does not need it). Pods that call the Kubernetes API set it to true with their own `serviceAccountName`. phiguard's `SecureWorkload` disables the token by default.",
  enforcementLevel: "mandatory",
  check: ({ pod, report }) => {
    const automount = pod.spec.automountServiceAccountToken;
    if (automount === false) return;
    if (automount !== true) {
      report(`${pod.path}.automountServiceAccountToken is not set to false: the service account token is mounted by default.`);
      return;
    }
    const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
    if (account === undefined || account === "" || account === "default") {
      report(`${pod.path} mounts the token of the namespace's default service account; use a dedicated service account.`);
    }
  },
});
