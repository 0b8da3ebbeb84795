import { METHOD_SETTINGS } from "./lib/apigateway";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "apigateway-method-settings-no-data-trace",
  description:
    "API Gateway method settings do not turn on data tracing (settings.dataTraceEnabled), which copies full request and response bodies, and so PHI, into CloudWatch Logs.",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(A)", "164.308(a)(3)(i)"],
  remediation: "Remove `dataTraceEnabled: true` from the `settings` of the `aws.apigateway.MethodSettings`; keep `loggingLevel: \"ERROR\"` or `\"INFO\"` for execution logs.",
  controls: {
    checkov: ["CKV_AWS_276"],
  },
  resourceTypes: [METHOD_SETTINGS],
  check: (props, _args, report) => {
    if (props.settings?.dataTraceEnabled === true) {
      report(`data tracing is on for methodPath '${String(props.methodPath)}', so request and response bodies are logged.`);
    }
  },
});
