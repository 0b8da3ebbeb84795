import { CITES } from "../../controls";
import { STAGE } from "./lib/apigateway";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "apigateway-stage-access-logging-enabled",
  description: "API Gateway REST API stages write access logs (accessLogSettings with a destinationArn), one record per request with caller and status.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit],
  remediation:
    "Set `accessLogSettings: { destinationArn: logGroup.arn, format: ... }` on the `aws.apigateway.Stage`, with an encrypted `aws.cloudwatch.LogGroup` that keeps events at least 365 days.",
  controls: {
    checkov: ["CKV_AWS_76"],
  },
  resourceTypes: [STAGE],
  check: (props, _args, report) => {
    if (!hasValue(props.accessLogSettings, "destinationArn")) report("the stage has no accessLogSettings.destinationArn, so requests are not access-logged.");
  },
});
