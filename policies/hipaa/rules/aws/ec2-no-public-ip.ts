import { CITES } from "../../controls";
import { LAUNCH_TEMPLATE, LAUNCH_TYPES, launchKind } from "./lib/ec2";
import { arrayOf, isTrue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ec2-no-public-ip",
  description: "EC2 instances, launch templates and launch configurations do not associate a public IP address.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Run instances in the private subnets of `MultiRegionNetwork` and reach them through SSM Session Manager; remove `associatePublicIpAddress: true`.",
  controls: {
    awsConfig: ["EC2_INSTANCE_NO_PUBLIC_IP", "AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED"],
    cdkNag: ["HIPAA.Security-EC2InstanceNoPublicIp", "HIPAA.Security-AutoScalingLaunchConfigPublicIpDisabled"],
    checkov: ["CKV_AWS_88"],
  },
  resourceTypes: LAUNCH_TYPES,
  check: (props, args, report) => {
    if (args.type === LAUNCH_TEMPLATE) {
      arrayOf<Props>(props.networkInterfaces).forEach((ni, i) => {
        if (isTrue(ni.associatePublicIpAddress)) report(`networkInterfaces[${i}] associates a public IP address.`);
      });
      return;
    }
    if (isTrue(props.associatePublicIpAddress)) report(`the ${launchKind(args.type)} associates a public IP address.`);
  },
});
