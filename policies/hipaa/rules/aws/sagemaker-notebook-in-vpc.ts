import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "sagemaker-notebook-in-vpc",
  description: "SageMaker notebook instances run in a subnet of the workload's VPC (subnetId), so their traffic is governed by security groups and flow-logged.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Set `subnetId` (a private subnet of `MultiRegionNetwork`) and `securityGroups` on the `aws.sagemaker.NotebookInstance`.",
  controls: {
    checkov: ["CKV_AWS_306"],
  },
  resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
  check: (props, _args, report) => {
    if (!hasValue(props, "subnetId")) report("no subnetId is set, so the notebook runs in a SageMaker-managed network outside the VPC.");
  },
});
