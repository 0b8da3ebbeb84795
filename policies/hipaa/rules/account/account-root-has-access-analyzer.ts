import { stackRule } from "../aws/lib/rule";
import { forEachDeferred } from "../aws/lib/stack";
import { accountRegions, describeRegion, inRegion, REGIONS_CONFIG, requireAccountRoot, type RegionsConfig } from "./lib/account";

const ANALYZER = "aws:accessanalyzer/analyzer:Analyzer";
/** Analyzer types that report external access (the unused-access types do not). */
const EXTERNAL_ACCESS_TYPES = ["ACCOUNT", "ORGANIZATION"];

export default stackRule({
  name: "account-root-has-access-analyzer",
  description:
    "An account-root stack runs an IAM Access Analyzer for external access (type ACCOUNT or ORGANIZATION) in every region it covers, so any resource policy that shares PHI stores, keys or roles outside the account is reported.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack (an analyzer in each of its `regions`), or an `aws.accessanalyzer.Analyzer` with `type: \"ACCOUNT\"` per region.",
  controls: {
    cis: ["AWS 3.0.0 1.20"],
  },
  resourceTypes: [ANALYZER],
  configSchema: { properties: { regions: REGIONS_CONFIG } },
  check: (args, report) => {
    requireAccountRoot(args);
    forEachDeferred(accountRegions(args, args.getConfig<RegionsConfig>()), (region) => {
      const analyzers = inRegion(args.resources, ANALYZER, region);
      if (!analyzers.some((a) => EXTERNAL_ACCESS_TYPES.includes(String(a.props.type ?? "ACCOUNT")))) {
        report(`no IAM Access Analyzer for external access (aws.accessanalyzer.Analyzer of type ACCOUNT or ORGANIZATION) in ${describeRegion(region)}.`);
      }
    });
  },
});
