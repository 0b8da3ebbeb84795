import { INSTANCE, LAUNCH_TEMPLATE, launchKind } from "./lib/ec2";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ec2-detailed-monitoring-enabled",
  description: "EC2 instances and launch templates enable detailed (1-minute) CloudWatch monitoring.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)"],
  remediation: "Set `monitoring: true` (instances) / `monitoring: { enabled: true }` (launch templates).",
  controls: {
    cdkNag: ["HIPAA.Security-EC2InstanceDetailedMonitoringEnabled"],
    checkov: ["CKV_AWS_126"],
  },
  resourceTypes: [INSTANCE, LAUNCH_TEMPLATE],
  check: (props, args, report) => {
    if (args.type === INSTANCE) {
      if (hasValue(props, "launchTemplate") && props.monitoring === undefined) {
        args.notApplicable("the instance takes its monitoring setting from its launch template");
      }
      if (props.monitoring !== true) report("monitoring is not true.");
      return;
    }
    if (props.monitoring?.enabled !== true) report(`the ${launchKind(args.type)} does not set monitoring.enabled: true.`);
  },
});
