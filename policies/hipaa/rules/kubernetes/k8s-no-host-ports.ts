import { WORKLOAD_PATCH_TYPES, WORKLOAD_TYPES, containersOf, podSpecRule } from "./pod-spec";
import { asArray, asObject } from "./support";

/** PSS baseline `hostPorts`. */
export default podSpecRule({
  name: "k8s-no-host-ports",
  description:
    "Containers must not bind a hostPort: it publishes the container on the node's own address, outside Services, load balancer TLS and NetworkPolicy.",
  hipaa: ["164.312(e)(1)"],
  controls: { checkov: ["CKV_K8S_26"] },
  remediation:
    "Remove `hostPort` from the container's ports and expose the pod through a Service (and a TLS Ingress); phiguard's `SecureWorkload` creates both.",
  enforcementLevel: "mandatory",
  resourceTypes: [...WORKLOAD_TYPES, ...WORKLOAD_PATCH_TYPES],
  check: ({ pod, report }) => {
    for (const c of containersOf(pod)) {
      asArray(c.container.ports).forEach((item, i) => {
        const hostPort = asObject(item)?.hostPort;
        if (hostPort !== undefined && hostPort !== null && hostPort !== 0) {
          report(`${c.label} ports[${i}] binds hostPort ${String(hostPort)}.`);
        }
      });
    }
  },
});
