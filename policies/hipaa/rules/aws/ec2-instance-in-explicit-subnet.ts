import { CITES } from "../../controls";
import { INSTANCE } from "./lib/ec2";
import { arrayOf, hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ec2-instance-in-explicit-subnet",
  description:
    "EC2 instances are launched into a chosen VPC subnet (subnetId, a network interface or a launch template). Without one they land in the default VPC, whose subnets give every instance a public IP.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Launch into the private subnets of `MultiRegionNetwork` (`network.subnetIds(region, 'private')`): set `subnetId`.",
  controls: {
    awsConfig: ["INSTANCES_IN_VPC"],
    cdkNag: ["HIPAA.Security-EC2InstancesInVPC"],
  },
  resourceTypes: [INSTANCE],
  check: (props, _args, report) => {
    if (hasValue(props, "subnetId") || hasValue(props, "launchTemplate")) return;
    if (arrayOf(props.networkInterfaces).length > 0) return;
    report("the instance names no subnet, so it is launched into the default VPC.");
  },
});
