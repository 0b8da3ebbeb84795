import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "cloudtrail-log-file-validation-enabled",
  description: "CloudTrail trails write signed digest files, so any change to or deletion of a log file can be detected.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.integrity],
  remediation: "Use the `AuditTrail` component, or set `enableLogFileValidation: true` on the `aws.cloudtrail.Trail`.",
  controls: {
    awsConfig: ["CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED"],
    cdkNag: ["HIPAA.Security-CloudTrailLogFileValidationEnabled"],
    checkov: ["CKV_AWS_36"],
    cis: ["AWS 3.0.0 3.2"],
  },
  resourceTypes: ["aws:cloudtrail/trail:Trail"],
  check: (props, _args, report) => {
    if ((props as Inputs<aws.cloudtrail.TrailArgs>).enableLogFileValidation !== true) report("enableLogFileValidation is not true.");
  },
});
