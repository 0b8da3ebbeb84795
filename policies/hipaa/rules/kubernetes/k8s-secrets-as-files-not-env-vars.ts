import { containersOf, podSpecRule } from "./pod-spec";
import { asArray, asObject, textOf } from "./support";

/** Checkov CKV_K8S_35; CIS EKS 4.4.1. */
export default podSpecRule({
  name: "k8s-secrets-as-files-not-env-vars",
  description:
    "Secrets should reach containers as mounted files, not environment variables: environment variables leak into crash dumps, child processes, `kubectl describe` output and application logs.",
  hipaa: ["164.312(a)(2)(iv)"],
  controls: { checkov: ["CKV_K8S_35"], cis: ["4.4.1"] },
  remediation:
    "Mount the Secret as a volume (`volumes: [{ secret: { secretName } }]` plus a `volumeMount`, or the Secrets Store CSI driver with AWS Secrets Manager) and read it from the file, instead of `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`. phiguard's `SecureWorkload` mounts its secrets as files.",
  enforcementLevel: "advisory",
  check: ({ pod, report }) => {
    for (const c of containersOf(pod)) {
      asArray(c.container.env).forEach((item, i) => {
        const env = asObject(item);
        const ref = asObject(asObject(env?.valueFrom)?.secretKeyRef);
        if (ref) {
          const name = textOf(() => env?.name) ?? `env[${i}]`;
          const secretName = textOf(() => ref.name);
          const secret = secretName ? ` from Secret "${secretName}"` : "";
          report(`${c.label} reads environment variable ${name}${secret} (env[${i}].valueFrom.secretKeyRef).`);
        }
      });
      asArray(c.container.envFrom).forEach((item, i) => {
        const ref = asObject(asObject(item)?.secretRef);
        if (ref) {
          const secretName = textOf(() => ref.name);
          const secret = secretName ? ` "${secretName}"` : "";
          report(`${c.label} loads Secret${secret} into its environment (envFrom[${i}].secretRef).`);
        }
      });
    }
  },
});
