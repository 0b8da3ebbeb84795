import { WORKLOAD_PATCH_TYPES, WORKLOAD_TYPES, podSpecRule } from "./pod-spec";
import { asArray, asObject, textOf } from "./support";

/** PSS baseline `hostPathVolumes`; Checkov only has the docker.sock special case. */
export default podSpecRule({
  name: "k8s-no-host-path-volumes",
  description:
    "Pods must not mount hostPath volumes: a path of the node's filesystem exposes the node (container runtime socket, kubelet credentials, other pods' volumes) to the container.",
  hipaa: ["164.312(a)(1)"],
  controls: { checkov: ["CKV_K8S_27"] },
  remediation:
    "Replace the hostPath volume with a PersistentVolumeClaim (encrypted EBS/EFS storage class), a ConfigMap/Secret/projected volume, or an `emptyDir`. phiguard's `SecureWorkload` mounts only such volumes.",
  enforcementLevel: "mandatory",
  resourceTypes: [...WORKLOAD_TYPES, ...WORKLOAD_PATCH_TYPES],
  check: ({ pod, report }) => {
    asArray(pod.spec.volumes).forEach((item, i) => {
      const volume = asObject(item);
      const hostPath = asObject(volume?.hostPath);
      if (!volume || !hostPath) return;
      const name = textOf(() => volume.name);
      const path = textOf(() => hostPath.path);
      report(`${pod.path}.volumes[${i}]${name ? ` "${name}"` : ""} is a hostPath volume${path ? ` of ${path}` : ""}.`);
    });
  },
});
