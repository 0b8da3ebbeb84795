import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { publicSubnetReason, subnetsFrom } from "./lib/subnets";
import { forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const CLUSTER = "aws:emr/cluster:Cluster";

export default stackRule({
  name: "emr-cluster-master-no-public-ip",
  description:
    "EMR clusters launch in a private subnet (ec2Attributes.subnetId or subnetIds), so the primary (master) node gets no public IP address: none of the stack's subnets they use assigns public IPs on launch or routes 0.0.0.0/0 to an internet gateway. Subnets given as literal ids of an existing VPC are outside the stack and not checked.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Set `ec2Attributes: { subnetId: network.privateSubnetIds[0], ... }` (the private tier of `MultiRegionNetwork`) on the `aws.emr.Cluster`, and reach the cluster through SSM or a VPN.",
  controls: {
    awsConfig: ["EMR_MASTER_NO_PUBLIC_IP"],
    checkov: ["CKV2_AWS_7"],
  },
  resourceTypes: [CLUSTER],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, CLUSTER), (cluster) => {
      const attributes = cluster.props.ec2Attributes;
      if (!hasValue(attributes, "subnetId") && !hasValue(attributes, "subnetIds")) {
        report("ec2Attributes names no subnet, so the cluster launches in a public subnet of the default VPC.", cluster.urn);
        return;
      }
      for (const subnet of subnetsFrom(cluster, "ec2Attributes")) {
        const reason = publicSubnetReason(args.resources, subnet);
        if (reason) report(`the cluster launches in a public subnet: ${reason}.`, cluster.urn);
      }
    });
  },
});
