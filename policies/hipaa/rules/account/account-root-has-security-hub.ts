import { listing } from "../aws/lib/props";
import { stackRule } from "../aws/lib/rule";
import { forEachDeferred } from "../aws/lib/stack";
import { accountRegions, describeRegion, inRegion, REGIONS_CONFIG, requireAccountRoot, type RegionsConfig } from "./lib/account";

const ACCOUNT = "aws:securityhub/account:Account";
const SUBSCRIPTION = "aws:securityhub/standardsSubscription:StandardsSubscription";

/** Security Hub standards (the path segment of their ARNs) the account must subscribe to. */
const DEFAULT_STANDARDS = ["aws-foundational-security-best-practices", "cis-aws-foundations-benchmark"];

interface Config extends RegionsConfig {
  readonly standards?: readonly string[];
}

export default stackRule({
  name: "account-root-has-security-hub",
  description:
    "An account-root stack enables AWS Security Hub in every region it covers and subscribes it to the AWS Foundational Security Best Practices and CIS AWS Foundations Benchmark standards, so misconfigurations and GuardDuty findings are collected for review in one place.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)", "164.308(a)(8)"],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack (Security Hub and both standards in each of its `regions`), or an `aws.securityhub.Account` and an `aws.securityhub.StandardsSubscription` per standard (`standardsArn: arn:<partition>:securityhub:<region>::standards/...`) per region.",
  controls: {
    awsConfig: ["SECURITYHUB_ENABLED"],
    cis: ["AWS 3.0.0 4.16"],
  },
  resourceTypes: [ACCOUNT, SUBSCRIPTION],
  configSchema: {
    properties: {
      regions: REGIONS_CONFIG,
      standards: {
        type: "array",
        items: { type: "string" },
        default: DEFAULT_STANDARDS,
        description: "Standards every region must subscribe to, as the path segment of their ARNs (e.g. `nist-800-53`).",
      },
    },
  },
  check: (args, report) => {
    requireAccountRoot(args);
    const config = args.getConfig<Config>();
    const standards = config.standards ?? DEFAULT_STANDARDS;
    forEachDeferred(accountRegions(args, config), (region) => {
      if (inRegion(args.resources, ACCOUNT, region).length === 0) {
        report(`Security Hub is not enabled (no aws.securityhub.Account) in ${describeRegion(region)}.`);
        return;
      }
      const arns = inRegion(args.resources, SUBSCRIPTION, region).map((s) => String(s.props.standardsArn));
      const missing = standards.filter((standard) => !arns.some((arn) => arn.includes(`/${standard}/`)));
      if (missing.length > 0) {
        report(`Security Hub in ${describeRegion(region)} is not subscribed to ${listing(missing)} (aws.securityhub.StandardsSubscription).`);
      }
    });
  },
});
