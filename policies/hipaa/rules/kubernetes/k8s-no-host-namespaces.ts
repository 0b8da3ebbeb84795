import { WORKLOAD_PATCH_TYPES, WORKLOAD_TYPES, podSpecRule } from "./pod-spec";

const HOST_NAMESPACES = [
  ["hostPID", "the node's processes"],
  ["hostIPC", "the node's shared memory and IPC"],
  ["hostNetwork", "the node's network stack (bypassing NetworkPolicy)"],
] as const;

/** PSS baseline `hostNamespaces`. */
export default podSpecRule({
  name: "k8s-no-host-namespaces",
  description:
    "Pods must not share the node's PID, IPC or network namespace (hostPID, hostIPC, hostNetwork): each one lets a container see or reach what other pods on the node handle.",
  hipaa: ["164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"], cis: ["4.2.2", "4.2.3", "4.2.4"] },
  remediation:
    "Remove `hostPID`, `hostIPC` and `hostNetwork` from the pod spec (or set them to false). phiguard's `SecureWorkload` never sets them; a `WorkloadBaseline` namespace (Pod Security `restricted`) rejects such pods.",
  enforcementLevel: "mandatory",
  resourceTypes: [...WORKLOAD_TYPES, ...WORKLOAD_PATCH_TYPES],
  check: ({ pod, report }) => {
    for (const [field, what] of HOST_NAMESPACES) {
      if (pod.spec[field] === true) report(`${pod.path}.${field} is true: the pod shares ${what}.`);
    }
  },
});
