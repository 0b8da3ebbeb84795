import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "vpc-subnet-no-public-ip-on-launch",
  description: "Subnets do not assign public IPv4 addresses to the network interfaces launched in them.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Use the `MultiRegionNetwork` component (no subnet maps public IPs; internet-facing load balancers get addresses without it), or remove `mapPublicIpOnLaunch: true` from the `aws.ec2.Subnet`.",
  controls: {
    awsConfig: ["SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED"],
    cdkNag: ["HIPAA.Security-VPCSubnetAutoAssignPublicIpDisabled"],
    checkov: ["CKV_AWS_130"],
  },
  resourceTypes: ["aws:ec2/subnet:Subnet"],
  check: (props, _args, report) => {
    const p = props as Inputs<aws.ec2.SubnetArgs>;
    if (p.mapPublicIpOnLaunch === true) report("mapPublicIpOnLaunch is true: every instance launched here gets a public IP.");
  },
});
