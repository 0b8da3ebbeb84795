import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asArray, asObject, hasValue, resourceRule } from "../kubernetes/support";
import { NODE_GROUP_TYPE } from "./support";

/** Catalog K4 (SSH part); Checkov CKV_AWS_100. */
export default resourceRule({
  name: "eks-node-group-no-open-remote-access",
  description:
    "Managed node groups must not open SSH to the world: remoteAccess with an ec2SshKey but no sourceSecurityGroupIds makes EKS allow port 22 from 0.0.0.0/0 on every node.",
  hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
  controls: { checkov: ["CKV_AWS_100"], cis: ["5.4.3"] },
  remediation:
    "Remove `remoteAccess` and reach nodes through SSM Session Manager (phiguard's `SecureCluster` node groups have no SSH key); if SSH is unavoidable, set `remoteAccess.sourceSecurityGroupIds` to a bastion's security group.",
  enforcementLevel: "mandatory",
  resourceTypes: [NODE_GROUP_TYPE],
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const remote = asObject(args.props.remoteAccess);
    if (!remote || !hasValue(remote, "ec2SshKey")) return;
    if (asArray(remote.sourceSecurityGroupIds).length === 0) {
      reportViolation("remoteAccess gives an ec2SshKey without sourceSecurityGroupIds: SSH (port 22) is open to 0.0.0.0/0.");
    }
  },
});
