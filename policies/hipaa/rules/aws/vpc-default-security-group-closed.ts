import { arrayOf } from "./lib/props";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

/**
 * AWS creates every VPC with a default security group that allows all traffic between its members
 * and all egress. Only an `aws.ec2.DefaultSecurityGroup` managed in the stack can empty it.
 */
export default stackRule({
  name: "vpc-default-security-group-closed",
  description:
    "Every VPC's default security group is managed in the stack (aws.ec2.DefaultSecurityGroup) with no ingress and no egress rules.",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(e)(1)", "164.312(a)(1)"],
  remediation:
    "Use the `MultiRegionNetwork` component (it adopts and empties each VPC's default security group), or add an `aws.ec2.DefaultSecurityGroup` with `vpcId: vpc.id` and no `ingress`/`egress`.",
  controls: {
    awsConfig: ["VPC_DEFAULT_SECURITY_GROUP_CLOSED"],
    cdkNag: ["HIPAA.Security-VPCDefaultSecurityGroupClosed"],
    checkov: ["CKV2_AWS_12"],
    cis: ["AWS 3.0.0 5.4"],
  },
  resourceTypes: ["aws:ec2/vpc:Vpc", DEFAULT_SG],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, "aws:ec2/vpc:Vpc", DEFAULT_SG), (resource) => {
      if (resource.type === DEFAULT_SG) {
        const ingress = arrayOf(resource.props.ingress).length;
        const egress = arrayOf(resource.props.egress).length;
        if (ingress + egress > 0) {
          report(`the default security group has ${ingress} ingress and ${egress} egress rules; expected none.`, resource.urn);
        }
        return;
      }
      const vpc = resource;
      if (childrenOf(args.resources, vpc, DEFAULT_SG, "vpcId").length === 0) {
        report(
          "the VPC's default security group is not managed in the stack, so it keeps AWS's default rules (all traffic between members, all egress).",
          vpc.urn,
        );
      }
    });
  },
});
