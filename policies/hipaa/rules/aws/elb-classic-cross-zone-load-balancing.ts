import { CITES } from "../../controls";
import { CLASSIC_LB } from "./lib/elb";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elb-classic-cross-zone-load-balancing",
  description: "Classic Load Balancers balance across availability zones (crossZoneLoadBalancing is not false), so losing a zone's instances does not take the service down.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.availability],
  remediation: "Remove `crossZoneLoadBalancing: false` from the `aws.elb.LoadBalancer` (true is the default); better, move to an application load balancer.",
  controls: {
    awsConfig: ["ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED"],
    cdkNag: ["HIPAA.Security-ELBCrossZoneLoadBalancingEnabled"],
    checkov: ["CKV_AWS_138"],
  },
  resourceTypes: [CLASSIC_LB],
  check: (props, _args, report) => {
    if (props.crossZoneLoadBalancing === false) report("crossZoneLoadBalancing is false.");
  },
});
