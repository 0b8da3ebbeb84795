import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "vpc-flow-log-captures-all-traffic",
  description: "Flow logs record all traffic (accepted and rejected), not only one kind.",
  enforcementLevel: "advisory",
  hipaa: [...CITES.audit, "164.308(a)(1)(ii)(D)"],
  remediation: "Use the `MultiRegionNetwork` component, or set `trafficType: \"ALL\"` on the `aws.ec2.FlowLog`.",
  controls: {
    checkov: ["CKV2_AWS_11"],
  },
  resourceTypes: ["aws:ec2/flowLog:FlowLog"],
  check: (props, _args, report) => {
    const p = props as Inputs<aws.ec2.FlowLogArgs>;
    if (p.trafficType !== undefined && p.trafficType !== "ALL") {
      report(`trafficType is '${p.trafficType}'; expected 'ALL' so both accepted and rejected connections are recorded.`);
    }
  },
});
