import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ecr-repository-scan-on-push",
  description: "ECR repositories scan images for known vulnerabilities when they are pushed.",
  enforcementLevel: "advisory",
  hipaa: ["164.308(a)(5)(ii)(B)", "164.308(a)(1)(ii)(B)"],
  remediation: "Use the `SecureCluster` component's repositories, or set `imageScanningConfiguration: { scanOnPush: true }` (or enable enhanced scanning for the registry).",
  controls: {
    checkov: ["CKV_AWS_163"],
    cis: ["EKS 1.8.0 5.1.1"],
  },
  resourceTypes: ["aws:ecr/repository:Repository"],
  check: (props, _args, report) => {
    if (props.imageScanningConfiguration?.scanOnPush !== true) report("imageScanningConfiguration.scanOnPush is not true.");
  },
});
