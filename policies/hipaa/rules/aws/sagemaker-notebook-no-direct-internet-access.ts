import { CITES } from "../../controls";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "sagemaker-notebook-no-direct-internet-access",
  description: "SageMaker notebook instances have no direct internet access (directInternetAccess: \"Disabled\"; the default is Enabled).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Set `directInternetAccess: \"Disabled\"` with `subnetId` and `securityGroups` of a private subnet (e.g. `MultiRegionNetwork`'s, which has the VPC endpoints the notebook needs) on the `aws.sagemaker.NotebookInstance`.",
  controls: {
    awsConfig: ["SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS"],
    cdkNag: ["HIPAA.Security-SageMakerNotebookNoDirectInternetAccess"],
    checkov: ["CKV_AWS_122"],
  },
  resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
  check: (props, _args, report) => {
    const access = String(props.directInternetAccess ?? "Enabled");
    if (access !== "Disabled") report(`directInternetAccess is '${access}'; expected 'Disabled'.`);
  },
});
