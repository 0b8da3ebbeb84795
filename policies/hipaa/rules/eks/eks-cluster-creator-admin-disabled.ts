import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asObject, resourceRule } from "../kubernetes/support";
import { CLUSTER_TYPE } from "./support";

/** CIS EKS 4.1.1 (cluster-admin only where required), applied to EKS's implicit creator grant. */
export default resourceRule({
  name: "eks-cluster-creator-admin-disabled",
  description:
    "EKS clusters should not give the identity that created them (often a CI role) implicit, permanent cluster-admin (accessConfig.bootstrapClusterCreatorAdminPermissions defaults to true); administrators should be named access entries that can be reviewed and revoked.",
  hipaa: ["164.308(a)(4)(ii)(B)", "164.312(a)(2)(i)"],
  controls: { cis: ["4.1.1"] },
  remediation:
    "Create the cluster with phiguard's `SecureCluster`, which turns the creator grant off and adds access entries for its administrator roles; on a plain `aws.eks.Cluster` set `accessConfig.bootstrapClusterCreatorAdminPermissions: false` and create `aws.eks.AccessEntry` resources for the administrators.",
  enforcementLevel: "advisory",
  resourceTypes: [CLUSTER_TYPE],
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const value = asObject(args.props.accessConfig)?.bootstrapClusterCreatorAdminPermissions;
    if (value === false) return;
    reportViolation(
      value === true
        ? "accessConfig.bootstrapClusterCreatorAdminPermissions is true: the creating identity is a permanent cluster admin."
        : "accessConfig.bootstrapClusterCreatorAdminPermissions is not set (defaults to true): the creating identity is a permanent cluster admin.",
    );
  },
});
