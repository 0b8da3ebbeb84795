import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import ipaddr from "ipaddr.js";
import { asObject, asStrings, resourceRule } from "../kubernetes/support";
import { CLUSTER_TYPE } from "./support";

interface Config {
  /** @default true: a public endpoint restricted to listed CIDRs is accepted (CIS 5.4.1). */
  readonly allowRestrictedPublicAccess?: boolean;
}

/** Why a public-access CIDR is not a restriction, or undefined when it is one. */
export function openCidrProblem(cidr: string): string | undefined {
  if (!ipaddr.isValidCIDR(cidr)) return `"${cidr}" is not a valid CIDR`;
  const [, prefix] = ipaddr.parseCIDR(cidr);
  return prefix === 0 ? `"${cidr}" admits every address` : undefined;
}

/** Catalog K3. */
export default resourceRule({
  name: "eks-endpoint-private-access",
  description:
    "The EKS API endpoint must be reachable privately (vpcConfig.endpointPrivateAccess: true) and not from the whole internet: endpointPublicAccess false, or public access restricted to listed CIDRs, never 0.0.0.0/0 (the default when publicAccessCidrs is not set).",
  hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
  controls: {
    checkov: ["CKV_AWS_38", "CKV_AWS_39"],
    awsConfig: ["EKS_ENDPOINT_NO_PUBLIC_ACCESS"],
    cis: ["5.4.1", "5.4.2"],
  },
  remediation:
    "Create the cluster with phiguard's `SecureCluster` (private endpoint, public endpoint off); on a plain `aws.eks.Cluster` set `vpcConfig.endpointPrivateAccess: true` and `vpcConfig.endpointPublicAccess: false`, or keep it public with `publicAccessCidrs` limited to your office/VPN ranges.",
  enforcementLevel: "mandatory",
  resourceTypes: [CLUSTER_TYPE],
  configSchema: {
    properties: {
      allowRestrictedPublicAccess: {
        type: "boolean",
        default: true,
        description: "Accept a public endpoint whose publicAccessCidrs exclude 0.0.0.0/0 (false: public access must be off).",
      },
    },
  },
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const vpc = asObject(args.props.vpcConfig) ?? {};
    if (vpc.endpointPrivateAccess !== true) {
      reportViolation("vpcConfig.endpointPrivateAccess is not true: nodes and operators reach the API only over the internet.");
    }
    if (vpc.endpointPublicAccess === false) return;
    const publicWhy = vpc.endpointPublicAccess === true ? "is true" : "is not set (defaults to true)";
    if (args.getConfig<Config>().allowRestrictedPublicAccess === false) {
      reportViolation(`vpcConfig.endpointPublicAccess ${publicWhy}; public access must be off.`);
      return;
    }
    if (vpc.publicAccessCidrs === undefined) {
      reportViolation(`vpcConfig.endpointPublicAccess ${publicWhy} and publicAccessCidrs is not set (defaults to 0.0.0.0/0).`);
      return;
    }
    const cidrs = asStrings(vpc.publicAccessCidrs);
    if (cidrs.length === 0) {
      reportViolation(`vpcConfig.endpointPublicAccess ${publicWhy} and publicAccessCidrs is empty (defaults to 0.0.0.0/0).`);
    }
    for (const cidr of cidrs) {
      const problem = openCidrProblem(cidr);
      if (problem) reportViolation(`vpcConfig.publicAccessCidrs: ${problem}.`);
    }
  },
});
