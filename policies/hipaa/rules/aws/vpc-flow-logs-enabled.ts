import { CITES } from "../../controls";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "vpc-flow-logs-enabled",
  description: "Every VPC has a flow log (an aws.ec2.FlowLog whose vpcId comes from the VPC).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit, "164.308(a)(1)(ii)(D)"],
  remediation:
    "Use the `MultiRegionNetwork` component (flow logs of all traffic to a KMS-encrypted log group kept for a year), or add an `aws.ec2.FlowLog` with `vpcId: vpc.id` and `trafficType: \"ALL\"`.",
  controls: {
    awsConfig: ["VPC_FLOW_LOGS_ENABLED"],
    cdkNag: ["HIPAA.Security-VPCFlowLogsEnabled"],
    checkov: ["CKV2_AWS_11"],
    cis: ["AWS 3.0.0 3.7"],
  },
  resourceTypes: ["aws:ec2/vpc:Vpc"],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, "aws:ec2/vpc:Vpc"), (vpc) => {
      if (childrenOf(args.resources, vpc, "aws:ec2/flowLog:FlowLog", "vpcId").length === 0) {
        report("no aws.ec2.FlowLog is attached to this VPC.", vpc.urn);
      }
    });
  },
});
