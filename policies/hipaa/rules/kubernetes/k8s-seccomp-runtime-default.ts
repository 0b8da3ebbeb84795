import { containersOf, pathOf, podSpecRule } from "./pod-spec";

const ALLOWED = new Set(["RuntimeDefault", "Localhost"]);

/** PSS restricted `seccompProfile_restricted`. */
export default podSpecRule({
  name: "k8s-seccomp-runtime-default",
  description:
    "Pods must run under a seccomp profile, RuntimeDefault or Localhost, set on the pod or on every container, and never Unconfined: without one every system call of the kernel is reachable from the container.",
  hipaa: ["164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_31"] },
  remediation:
    'Set `securityContext.seccompProfile: { type: "RuntimeDefault" }` on the pod spec. phiguard\'s `SecureWorkload` sets it.',
  enforcementLevel: "mandatory",
  check: ({ pod, report }) => {
    const podType = pathOf(pod.spec, "securityContext", "seccompProfile", "type");
    const podOk = typeof podType === "string" && ALLOWED.has(podType);
    if (podType !== undefined && !podOk) {
      report(`${pod.path}.securityContext.seccompProfile.type is ${JSON.stringify(podType)}; expected RuntimeDefault or Localhost.`);
    }
    for (const c of containersOf(pod)) {
      const type = pathOf(c.container, "securityContext", "seccompProfile", "type");
      if (type === undefined) {
        if (!podOk) report(`${c.label} has no seccomp profile: set seccompProfile.type RuntimeDefault on it or on the pod.`);
      } else if (typeof type !== "string" || !ALLOWED.has(type)) {
        report(`${c.label} sets seccompProfile.type ${JSON.stringify(type)}; expected RuntimeDefault or Localhost.`);
      }
    }
  },
});
