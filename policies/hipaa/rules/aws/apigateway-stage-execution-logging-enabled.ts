import { ALL_METHODS, STAGE, stageMethodSettings } from "./lib/apigateway";
import { forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const LOGGING_LEVELS = ["ERROR", "INFO"];

export default stackRule({
  name: "apigateway-stage-execution-logging-enabled",
  description:
    "API Gateway REST API stages write execution logs to CloudWatch Logs: an aws.apigateway.MethodSettings for the stage with methodPath '*/*' sets loggingLevel ERROR or INFO.",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(b)"],
  remediation:
    "Add an `aws.apigateway.MethodSettings` with `restApi: api.id`, `stageName: stage.stageName`, `methodPath: \"*/*\"` and `settings: { loggingLevel: \"ERROR\", metricsEnabled: true }`.",
  controls: {
    awsConfig: ["API_GW_EXECUTION_LOGGING_ENABLED"],
    cdkNag: ["HIPAA.Security-APIGWExecutionLoggingEnabled"],
    checkov: ["CKV2_AWS_4"],
  },
  resourceTypes: [STAGE],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, STAGE), (stage) => {
      const all = stageMethodSettings(args.resources, stage).filter((ms) => ms.props.methodPath === ALL_METHODS);
      if (all.length === 0) {
        report(`no aws.apigateway.MethodSettings with methodPath '${ALL_METHODS}' configures this stage, so execution logging is off.`, stage.urn);
        return;
      }
      const levels = all.map((ms) => String(ms.props.settings?.loggingLevel ?? "OFF").toUpperCase());
      if (!levels.some((l) => LOGGING_LEVELS.includes(l))) {
        report(`the stage's method settings set loggingLevel '${levels[0]}'; expected 'ERROR' or 'INFO'.`, stage.urn);
      }
    });
  },
});
