import { arrayOf } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "autoscaling-group-elb-health-check",
  description:
    "Auto Scaling groups behind a load balancer use the load balancer's health checks (healthCheckType ELB), so instances that stop serving are replaced.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)", "164.308(a)(7)(ii)(C)"],
  remediation: "Set `healthCheckType: \"ELB\"` on the `aws.autoscaling.Group` (with a `healthCheckGracePeriod` long enough for the application to start).",
  controls: {
    awsConfig: ["AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED"],
    cdkNag: ["HIPAA.Security-AutoScalingGroupELBHealthCheckRequired"],
    checkov: ["CKV2_AWS_15"],
  },
  resourceTypes: ["aws:autoscaling/group:Group"],
  check: (props, args, report) => {
    const balanced = arrayOf(props.targetGroupArns).length > 0 || arrayOf(props.loadBalancers).length > 0 || arrayOf(props.trafficSources).length > 0;
    if (!balanced) args.notApplicable("the group is not attached to a load balancer");
    if (props.healthCheckType !== "ELB") report(`healthCheckType is '${String(props.healthCheckType ?? "EC2")}'; expected 'ELB'.`);
  },
});
