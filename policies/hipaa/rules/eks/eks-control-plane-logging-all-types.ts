import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asStrings, resourceRule } from "../kubernetes/support";
import { CLUSTER_TYPE } from "./support";

export const ALL_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

interface Config {
  /** @default all five control-plane log types */
  readonly requiredLogTypes?: readonly string[];
}

/** Catalog K2. */
export default resourceRule({
  name: "eks-control-plane-logging-all-types",
  description:
    "EKS clusters must send all five control-plane log types (api, audit, authenticator, controllerManager, scheduler) to CloudWatch Logs (enabledClusterLogTypes): the audit and authenticator logs are the record of who accessed which Kubernetes object.",
  hipaa: ["164.312(b)"],
  controls: { checkov: ["CKV_AWS_37"], awsConfig: ["EKS_CLUSTER_LOGGING_ENABLED"], cis: ["2.1.1", "2.1.2"] },
  remediation:
    'Create the cluster with phiguard\'s `SecureCluster` (all five log types); on a plain `aws.eks.Cluster` set `enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"]`.',
  enforcementLevel: "mandatory",
  resourceTypes: [CLUSTER_TYPE],
  configSchema: {
    properties: {
      requiredLogTypes: {
        type: "array",
        items: { type: "string", enum: [...ALL_LOG_TYPES] },
        default: [...ALL_LOG_TYPES],
        description: "The control-plane log types every cluster must enable.",
      },
    },
  },
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const required = asStrings(args.getConfig<Config>().requiredLogTypes);
    const enabled = asStrings(args.props.enabledClusterLogTypes);
    const missing = required.filter((t) => !enabled.includes(t));
    if (missing.length === 0) return;
    reportViolation(
      enabled.length === 0
        ? `enabledClusterLogTypes is not set: no control-plane logs are kept (needs ${missing.join(", ")}).`
        : `enabledClusterLogTypes lacks ${missing.join(", ")}.`,
    );
  },
});
