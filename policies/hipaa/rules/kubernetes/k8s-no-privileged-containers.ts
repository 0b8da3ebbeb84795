import { WORKLOAD_PATCH_TYPES, WORKLOAD_TYPES, containersOf, pathOf, podSpecRule } from "./pod-spec";

/** PSS baseline `privileged` and `windowsHostProcess`: no container runs privileged or as a host process. */
export default podSpecRule({
  name: "k8s-no-privileged-containers",
  description:
    "Containers must not run privileged (securityContext.privileged) or as Windows host processes: a privileged container has every capability of the node and can read the ePHI of every pod on it.",
  hipaa: ["164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_16"], cis: ["4.2.1"] },
  remediation:
    "Remove `securityContext.privileged: true` (and `windowsOptions.hostProcess: true`) from the container. phiguard's `SecureWorkload` never sets them, and a namespace created by `WorkloadBaseline` (Pod Security `restricted`) rejects such pods.",
  enforcementLevel: "mandatory",
  resourceTypes: [...WORKLOAD_TYPES, ...WORKLOAD_PATCH_TYPES],
  check: ({ pod, report }) => {
    if (pathOf(pod.spec, "securityContext", "windowsOptions", "hostProcess") === true) {
      report(`${pod.path}.securityContext.windowsOptions.hostProcess is true: every container runs as a host process.`);
    }
    for (const c of containersOf(pod)) {
      if (pathOf(c.container, "securityContext", "privileged") === true) {
        report(`${c.label} sets securityContext.privileged: true.`);
      }
      if (pathOf(c.container, "securityContext", "windowsOptions", "hostProcess") === true) {
        report(`${c.label} sets securityContext.windowsOptions.hostProcess: true.`);
      }
    }
  },
});
