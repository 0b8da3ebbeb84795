import { STAGE } from "./lib/apigateway";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "apigateway-stage-xray-tracing-enabled",
  description: "API Gateway REST API stages trace requests with AWS X-Ray (xrayTracingEnabled), so the path of each request through the back ends can be reviewed.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)"],
  remediation: "Set `xrayTracingEnabled: true` on the `aws.apigateway.Stage`.",
  controls: {
    awsConfig: ["API_GW_XRAY_ENABLED"],
    cdkNag: ["HIPAA.Security-APIGWXrayEnabled"],
    checkov: ["CKV_AWS_73"],
  },
  resourceTypes: [STAGE],
  check: (props, _args, report) => {
    if (props.xrayTracingEnabled !== true) report("xrayTracingEnabled is not true.");
  },
});
