import { LONG_RUNNING_WORKLOAD_TYPES, containersOf, podSpecRule } from "./pod-spec";
import { hasValue } from "./support";

/** Checkov CKV_K8S_8, CKV_K8S_9 (which also leave Jobs and CronJobs out). */
export default podSpecRule({
  name: "k8s-liveness-and-readiness-probes",
  description:
    "Long-running containers should declare a livenessProbe and a readinessProbe, so Kubernetes restarts a hung process and sends traffic only to pods able to serve it (availability of ePHI services in degraded operation).",
  hipaa: ["164.308(a)(7)(ii)(C)"],
  controls: { checkov: ["CKV_K8S_8", "CKV_K8S_9"] },
  remediation:
    "Add `livenessProbe` and `readinessProbe` (HTTP, gRPC, TCP or exec) to every container of the pod. phiguard's `SecureWorkload` sets both.",
  enforcementLevel: "advisory",
  resourceTypes: LONG_RUNNING_WORKLOAD_TYPES,
  check: ({ pod, report }) => {
    for (const c of containersOf(pod, ["containers"])) {
      const missing = ["livenessProbe", "readinessProbe"].filter((p) => !hasValue(c.container, p));
      if (missing.length > 0) report(`${c.label} has no ${missing.join(" and no ")}.`);
    }
  },
});
