import { containersOf, pathOf, podSpecRule } from "./pod-spec";
import { hasValue } from "./support";

interface Config {
  /** @default true; false accepts containers without a CPU limit (they still need a CPU request). */
  readonly requireCpuLimit?: boolean;
}

/** Checkov CKV_K8S_10 to 13. Applies to containers and init containers (ephemeral ones take no resources). */
export default podSpecRule({
  name: "k8s-resource-requests-and-limits",
  description:
    "Containers must set CPU and memory requests and limits, so one workload cannot starve the others on its nodes and the scheduler places pods where they fit (availability of ePHI systems).",
  hipaa: ["164.308(a)(7)(ii)(C)"],
  controls: { checkov: ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"] },
  remediation:
    "Set `resources.requests.cpu`, `resources.requests.memory`, `resources.limits.cpu` and `resources.limits.memory` on every container and init container. phiguard's `SecureWorkload` sets them (and `WorkloadBaseline` adds a LimitRange as a backstop).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      requireCpuLimit: {
        type: "boolean",
        default: true,
        description: "Require resources.limits.cpu. Set false if you deliberately run without CPU limits.",
      },
    },
  },
  check: ({ pod, args, report }) => {
    const requireCpuLimit = args.getConfig<Config>().requireCpuLimit !== false;
    const wanted: [string, string][] = [
      ["requests", "cpu"],
      ["requests", "memory"],
      ["limits", "memory"],
      ...(requireCpuLimit ? [["limits", "cpu"] as [string, string]] : []),
    ];
    for (const c of containersOf(pod, ["containers", "initContainers"])) {
      const missing = wanted
        .filter(([group, what]) => !hasValue(pathOf(c.container, "resources", group), what))
        .map(([group, what]) => `${group}.${what}`);
      if (missing.length > 0) report(`${c.label} does not set resources ${missing.join(", ")}.`);
    }
  },
});
