import { hasValue } from "../aws/lib/props";
import { stackRule } from "../aws/lib/rule";
import { forEachDeferred } from "../aws/lib/stack";
import { accountRegions, describeRegion, inRegion, REGIONS_CONFIG, requireAccountRoot, type RegionsConfig } from "./lib/account";

const PACK = "aws:cfg/conformancePack:ConformancePack";

export default stackRule({
  name: "account-root-has-config-conformance-pack",
  description:
    "An account-root stack deploys an AWS Config conformance pack (the AWS \"Operational Best Practices for HIPAA Security\" pack) in every region it covers: the run-time complement of this preview-time pack, which keeps evaluating resources changed outside Pulumi.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(8)"],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack with `conformancePack: { templateBody }` (AWS's Operational-Best-Practices-for-HIPAA-Security.yaml) or `{ templateS3Uris }`, or an `aws.cfg.ConformancePack` with `templateBody` or `templateS3Uri` per region (after the region's recorder).",
  controls: {},
  resourceTypes: [PACK],
  configSchema: { properties: { regions: REGIONS_CONFIG } },
  check: (args, report) => {
    requireAccountRoot(args);
    forEachDeferred(accountRegions(args, args.getConfig<RegionsConfig>()), (region) => {
      const packs = inRegion(args.resources, PACK, region);
      if (packs.length === 0) {
        report(`no AWS Config conformance pack (aws.cfg.ConformancePack) in ${describeRegion(region)}.`);
        return;
      }
      for (const pack of packs) {
        if (!hasValue(pack.props, "templateBody") && !hasValue(pack.props, "templateS3Uri")) {
          report(`the conformance pack in ${describeRegion(region)} has neither templateBody nor templateS3Uri.`, pack.urn);
        }
      }
    });
  },
});
