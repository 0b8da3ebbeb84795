import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { NAMESPACE_TYPE } from "./namespace";
import { asObject, asStrings, resourceRule } from "./support";

const ENFORCE = "pod-security.kubernetes.io/enforce";

interface Config {
  /** @default ["kube-system", "kube-public", "kube-node-lease"] */
  readonly exemptNamespaces?: readonly string[];
}

/** CIS EKS 4.2.1 to 4.2.5 are met cluster-side by Pod Security Admission in `restricted` mode. */
export default resourceRule({
  name: "k8s-namespace-pod-security-restricted",
  description:
    "Namespaces must carry the label pod-security.kubernetes.io/enforce: restricted, so the API server itself rejects privileged, host-namespace, root or capability-adding pods, including those created outside this program (Helm charts, operators, kubectl).",
  hipaa: ["164.312(a)(1)"],
  controls: { cis: ["4.2.1", "4.2.2", "4.2.3", "4.2.4", "4.2.5"] },
  remediation:
    'Label the namespace `pod-security.kubernetes.io/enforce: "restricted"`. phiguard\'s `WorkloadBaseline` creates its namespaces with these labels.',
  enforcementLevel: "mandatory",
  resourceTypes: [NAMESPACE_TYPE],
  configSchema: {
    properties: {
      exemptNamespaces: {
        type: "array",
        items: { type: "string" },
        default: ["kube-system", "kube-public", "kube-node-lease"],
        description: "Namespaces (by metadata.name) that may run with a weaker Pod Security level.",
      },
    },
  },
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const metadata = asObject(args.props.metadata);
    const name = metadata?.name;
    const exempt = asStrings(args.getConfig<Config>().exemptNamespaces);
    if (typeof name === "string" && exempt.includes(name)) return;
    const labels = asObject(metadata?.labels);
    const level = labels?.[ENFORCE];
    if (level === undefined) {
      reportViolation(`The namespace has no ${ENFORCE} label, so Pod Security admission enforces nothing (privileged).`);
    } else if (level !== "restricted") {
      reportViolation(`${ENFORCE} is ${JSON.stringify(level)}; expected "restricted".`);
    }
  },
});
