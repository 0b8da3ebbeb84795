import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asObject, resourceRule } from "../kubernetes/support";
import { ADDON_TYPE } from "./support";

/** CIS EKS 4.3.1 "Ensure CNI plugin supports network policies", 5.4.4. */
export default resourceRule({
  name: "eks-vpc-cni-network-policy-enabled",
  description:
    'The vpc-cni add-on should enforce Kubernetes NetworkPolicy (configurationValues {"enableNetworkPolicy": "true"}): without it, or another policy engine such as Calico or Cilium, every NetworkPolicy, including the namespaces\' default deny, is silently ignored.',
  hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
  controls: { cis: ["4.3.1", "5.4.4"] },
  remediation:
    'Create the cluster with phiguard\'s `SecureCluster`, which configures the vpc-cni add-on for network policy; otherwise set `configurationValues: JSON.stringify({ enableNetworkPolicy: "true" })` on the vpc-cni `aws.eks.Addon` (or waive this rule if Calico/Cilium enforces policies).',
  enforcementLevel: "advisory",
  resourceTypes: [ADDON_TYPE],
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    if (args.props.addonName !== "vpc-cni") return;
    const raw = args.props.configurationValues;
    if (raw === undefined || raw === "") {
      reportViolation("configurationValues is not set: the VPC CNI does not enforce NetworkPolicy by default.");
      return;
    }
    let config: Record<string, unknown> | undefined;
    try {
      config = asObject(JSON.parse(String(raw)));
    } catch {
      reportViolation("configurationValues is not valid JSON.");
      return;
    }
    const enabled = config?.enableNetworkPolicy;
    if (enabled !== "true" && enabled !== true) {
      reportViolation(
        `configurationValues.enableNetworkPolicy is ${enabled === undefined ? "not set" : JSON.stringify(enabled)}; expected "true".`,
      );
    }
  },
});
