import { containersOf, pathOf, podSpecRule } from "./pod-spec";
import { asStrings } from "./support";

const ALLOWED_ADD = new Set(["NET_BIND_SERVICE"]);

/** PSS restricted `capabilities_restricted`: drop ALL, add at most NET_BIND_SERVICE. */
export default podSpecRule({
  name: "k8s-drop-all-capabilities",
  description:
    "Every container must drop ALL Linux capabilities and add back at most NET_BIND_SERVICE; the runtime's default set includes NET_RAW (packet spoofing on the pod network) and others a workload handling ePHI does not need.",
  hipaa: ["164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_25", "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_39"] },
  remediation:
    'Set `securityContext.capabilities: { drop: ["ALL"] }` on every container, adding only `NET_BIND_SERVICE` if the process must bind a port below 1024. phiguard\'s `SecureWorkload` drops ALL.',
  enforcementLevel: "mandatory",
  check: ({ pod, report }) => {
    for (const c of containersOf(pod)) {
      const drop = asStrings(pathOf(c.container, "securityContext", "capabilities", "drop"));
      if (!drop.includes("ALL")) report(`${c.label} does not drop ALL capabilities (securityContext.capabilities.drop).`);
      const added = asStrings(pathOf(c.container, "securityContext", "capabilities", "add")).filter(
        (cap) => !ALLOWED_ADD.has(cap),
      );
      if (added.length > 0) report(`${c.label} adds capabilities ${added.join(", ")}; only NET_BIND_SERVICE may be added.`);
    }
  },
});
