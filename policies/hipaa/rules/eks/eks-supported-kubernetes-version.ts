import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asStrings, resourceRule } from "../kubernetes/support";
import { CLUSTER_TYPE, NODE_GROUP_TYPE } from "./support";

/**
 * Kubernetes minor versions Amazon EKS supports (standard or extended support) as of this pack's
 * release; override with the rule's `supportedVersions` config as AWS's calendar moves on.
 */
export const DEFAULT_SUPPORTED_VERSIONS = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35"];

interface Config {
  readonly supportedVersions?: readonly string[];
}

/** `1.31` for `1.31`, `1.31.2` or `1.31.2-eks-...`; undefined for anything else. */
export function minorVersion(version: string): string | undefined {
  return /^v?(\d+\.\d+)(?:[.-]|$)/.exec(version.trim())?.[1];
}

/** Catalog K5. */
export default resourceRule({
  name: "eks-supported-kubernetes-version",
  description:
    "EKS clusters and node groups must run a Kubernetes version Amazon EKS still supports (the rule's supportedVersions list), so control plane and nodes keep receiving security patches.",
  hipaa: ["164.308(a)(5)(ii)(A)"],
  controls: { checkov: ["CKV_AWS_339"], awsConfig: ["EKS_CLUSTER_SUPPORTED_VERSION"] },
  remediation:
    "Set the cluster's `version` (on phiguard's `SecureCluster` or `aws.eks.Cluster`) to a supported minor version and upgrade node groups with it; leave a node group's `version` unset to follow the cluster.",
  enforcementLevel: "mandatory",
  resourceTypes: [CLUSTER_TYPE, NODE_GROUP_TYPE],
  configSchema: {
    properties: {
      supportedVersions: {
        type: "array",
        items: { type: "string" },
        default: DEFAULT_SUPPORTED_VERSIONS,
        description: "Kubernetes minor versions (\"1.31\") that EKS supports today.",
      },
    },
  },
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const version = args.props.version;
    // Unset: a cluster gets EKS's current default version, a node group its cluster's.
    if (version === undefined || version === null || version === "") return;
    const supported = asStrings(args.getConfig<Config>().supportedVersions);
    const minor = minorVersion(String(version));
    if (minor === undefined || !supported.includes(minor)) {
      reportViolation(`version ${JSON.stringify(version)} is not a supported EKS version (${supported.join(", ")}).`);
    }
  },
});
