import { containersOf, pathOf, podSpecRule } from "./pod-spec";

export default podSpecRule({
  name: "k8s-read-only-root-filesystem",
  description:
    "Containers must run with securityContext.readOnlyRootFilesystem: true, so an intruder cannot alter the application's code or plant tools in the image's filesystem.",
  hipaa: ["164.312(c)(1)"],
  controls: { checkov: ["CKV_K8S_22"] },
  remediation:
    "Set `securityContext.readOnlyRootFilesystem: true` on every container and mount an `emptyDir` where the process must write (e.g. /tmp). phiguard's `SecureWorkload` does both.",
  enforcementLevel: "mandatory",
  check: ({ pod, report }) => {
    for (const c of containersOf(pod)) {
      if (pathOf(c.container, "securityContext", "readOnlyRootFilesystem") !== true) {
        report(`${c.label} does not set securityContext.readOnlyRootFilesystem: true.`);
      }
    }
  },
});
