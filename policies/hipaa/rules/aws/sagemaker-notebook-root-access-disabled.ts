import { CITES } from "../../controls";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "sagemaker-notebook-root-access-disabled",
  description: "SageMaker notebook instances do not give their users root access (rootAccess: \"Disabled\"; the default is Enabled).",
  enforcementLevel: "advisory",
  hipaa: [...CITES.leastPrivilege],
  remediation: "Set `rootAccess: \"Disabled\"` on the `aws.sagemaker.NotebookInstance`; install packages through a lifecycle configuration instead.",
  controls: {
    checkov: ["CKV_AWS_307"],
  },
  resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
  check: (props, _args, report) => {
    const access = String(props.rootAccess ?? "Enabled");
    if (access !== "Disabled") report(`rootAccess is '${access}'; expected 'Disabled'.`);
  },
});
