import { arrayOf, hasValue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

const ENVIRONMENT = "aws:elasticbeanstalk/environment:Environment";
const TEMPLATE = "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate";
const UPDATE_LEVELS = ["minor", "patch"];

export default resourceRule({
  name: "elasticbeanstalk-managed-updates-enabled",
  description:
    "Elastic Beanstalk environments (and configuration templates) apply managed platform updates: aws:elasticbeanstalk:managedactions ManagedActionsEnabled = true and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel = minor or patch.",
  enforcementLevel: "advisory",
  hipaa: ["164.308(a)(5)(ii)(A)"],
  remediation:
    "Add `{ namespace: \"aws:elasticbeanstalk:managedactions\", name: \"ManagedActionsEnabled\", value: \"true\" }`, a `PreferredStartTime`, and `{ namespace: \"aws:elasticbeanstalk:managedactions:platformupdate\", name: \"UpdateLevel\", value: \"minor\" }` to `settings`.",
  controls: {
    awsConfig: ["ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED"],
    cdkNag: ["HIPAA.Security-ElasticBeanstalkManagedUpdatesEnabled"],
    checkov: ["CKV_AWS_340"],
  },
  resourceTypes: [ENVIRONMENT, TEMPLATE],
  check: (props, args, report) => {
    const settings = arrayOf<Props>(props.settings);
    const find = (namespace: string, name: string) => settings.find((s) => s.namespace === namespace && s.name === name);
    const enabled = find("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled");
    const level = find("aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel");
    if (enabled === undefined && level === undefined && args.type === ENVIRONMENT && hasValue(props, "templateName")) {
      args.notApplicable("the environment takes its settings from its configuration template, which this rule checks");
    }
    if (String(enabled?.value ?? "false").toLowerCase() !== "true") report("ManagedActionsEnabled is not 'true'.");
    if (!UPDATE_LEVELS.includes(String(level?.value ?? "").toLowerCase())) {
      report(`UpdateLevel is ${level === undefined ? "not set" : `'${String(level.value)}'`}; expected 'minor' or 'patch'.`);
    }
  },
});
