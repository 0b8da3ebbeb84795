import { containersOf, pathOf, podSpecRule } from "./pod-spec";

/**
 * PSS restricted `runAsNonRoot` and `runAsUser`: runAsNonRoot must be true for every container (set on
 * the pod or on each container, never false anywhere), and no runAsUser may be 0.
 */
export default podSpecRule({
  name: "k8s-run-as-non-root",
  description:
    "Containers must run as a non-root user: securityContext.runAsNonRoot true on the pod or on every container, never false, and no runAsUser 0.",
  hipaa: ["164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_23"] },
  remediation:
    "Set `securityContext.runAsNonRoot: true` (and a non-zero `runAsUser`) on the pod spec, and build the image with a non-root USER. phiguard's `SecureWorkload` sets `runAsNonRoot: true` with a fixed non-root UID.",
  enforcementLevel: "mandatory",
  check: ({ pod, report }) => {
    const podNonRoot = pathOf(pod.spec, "securityContext", "runAsNonRoot");
    if (podNonRoot === false) report(`${pod.path}.securityContext.runAsNonRoot is false.`);
    if (pathOf(pod.spec, "securityContext", "runAsUser") === 0) {
      report(`${pod.path}.securityContext.runAsUser is 0 (root).`);
    }
    for (const c of containersOf(pod)) {
      const nonRoot = pathOf(c.container, "securityContext", "runAsNonRoot");
      if (nonRoot === false) report(`${c.label} sets securityContext.runAsNonRoot: false.`);
      else if (nonRoot !== true && podNonRoot !== true) {
        report(`${c.label} may run as root: runAsNonRoot is set to true neither on it nor on the pod.`);
      }
      if (pathOf(c.container, "securityContext", "runAsUser") === 0) {
        report(`${c.label} sets securityContext.runAsUser: 0 (root).`);
      }
    }
  },
});
