import { arrayOf, hasValue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

const ENVIRONMENT = "aws:elasticbeanstalk/environment:Environment";
const TEMPLATE = "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate";

export default resourceRule({
  name: "elasticbeanstalk-enhanced-health-reporting",
  description:
    "Elastic Beanstalk environments (and configuration templates) use enhanced health reporting (aws:elasticbeanstalk:healthreporting:system SystemType = enhanced).",
  enforcementLevel: "advisory",
  hipaa: ["164.312(b)"],
  remediation:
    "Add `{ namespace: \"aws:elasticbeanstalk:healthreporting:system\", name: \"SystemType\", value: \"enhanced\" }` to `settings` of the `aws.elasticbeanstalk.Environment` (or its `ConfigurationTemplate`).",
  controls: {
    awsConfig: ["BEANSTALK_ENHANCED_HEALTH_REPORTING_ENABLED"],
    cdkNag: ["HIPAA.Security-ElasticBeanstalkEnhancedHealthReportingEnabled"],
    checkov: ["CKV_AWS_312"],
  },
  resourceTypes: [ENVIRONMENT, TEMPLATE],
  check: (props, args, report) => {
    const settings = arrayOf<Props>(props.settings);
    const system = settings.find((s) => s.namespace === "aws:elasticbeanstalk:healthreporting:system" && s.name === "SystemType");
    if (system === undefined && args.type === ENVIRONMENT && hasValue(props, "templateName")) {
      args.notApplicable("the environment takes its settings from its configuration template, which this rule checks");
    }
    if (String(system?.value ?? "basic").toLowerCase() !== "enhanced") {
      report(`health reporting SystemType is '${String(system?.value ?? "basic")}'; expected 'enhanced'.`);
    }
  },
});
