import { containersOf, pathOf, podSpecRule } from "./pod-spec";

/** PSS restricted `allowPrivilegeEscalation`: must be set to false on every container. */
export default podSpecRule({
  name: "k8s-no-privilege-escalation",
  description:
    "Every container must set securityContext.allowPrivilegeEscalation: false; left unset it defaults to true, so a setuid binary in the image can gain more privileges than the process started with.",
  hipaa: ["164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_20"], cis: ["4.2.5"] },
  remediation:
    "Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container. phiguard's `SecureWorkload` sets it on the containers it builds.",
  enforcementLevel: "mandatory",
  check: ({ pod, report }) => {
    for (const c of containersOf(pod)) {
      const value = pathOf(c.container, "securityContext", "allowPrivilegeEscalation");
      if (value === false) continue;
      report(
        value === true
          ? `${c.label} sets securityContext.allowPrivilegeEscalation: true.`
          : `${c.label} does not set securityContext.allowPrivilegeEscalation: false (it defaults to true).`,
      );
    }
  },
});
