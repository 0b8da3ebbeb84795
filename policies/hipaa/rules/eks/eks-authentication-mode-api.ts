import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asObject, resourceRule } from "../kubernetes/support";
import { CLUSTER_TYPE } from "./support";

interface Config {
  /** @default false: API_AND_CONFIG_MAP (a migration step) is not accepted. */
  readonly allowApiAndConfigMap?: boolean;
}

/** CIS EKS 4.1.7 (Cluster Access Manager API). */
export default resourceRule({
  name: "eks-authentication-mode-api",
  description:
    "EKS clusters must authenticate IAM principals through EKS access entries only (accessConfig.authenticationMode: API), not the aws-auth ConfigMap: access entries are AWS API resources, changed through IAM-authorized, CloudTrail-logged calls and reviewable per principal, while the ConfigMap is an unaudited text blob any cluster admin can edit.",
  hipaa: ["164.312(a)(1)", "164.312(d)", "164.308(a)(4)(ii)(C)"],
  controls: { cis: ["4.1.7", "5.5.1"] },
  remediation:
    'Create the cluster with phiguard\'s `SecureCluster` (authentication mode API, administrators as access entries); on a plain `aws.eks.Cluster` set `accessConfig: { authenticationMode: "API" }` and grant access with `aws.eks.AccessEntry` and `aws.eks.AccessPolicyAssociation`.',
  enforcementLevel: "mandatory",
  resourceTypes: [CLUSTER_TYPE],
  configSchema: {
    properties: {
      allowApiAndConfigMap: {
        type: "boolean",
        default: false,
        description: "Accept API_AND_CONFIG_MAP while migrating from the aws-auth ConfigMap.",
      },
    },
  },
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const mode = asObject(args.props.accessConfig)?.authenticationMode;
    if (mode === "API") return;
    if (mode === "API_AND_CONFIG_MAP" && args.getConfig<Config>().allowApiAndConfigMap === true) return;
    reportViolation(
      mode === undefined
        ? "accessConfig.authenticationMode is not set: EKS defaults to CONFIG_MAP (the aws-auth ConfigMap)."
        : `accessConfig.authenticationMode is ${JSON.stringify(mode)}; expected "API".`,
    );
  },
});
