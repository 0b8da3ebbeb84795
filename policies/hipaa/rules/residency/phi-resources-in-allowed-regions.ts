import type { StackValidationArgs } from "@pulumi/policy";
import type { PhiguardStackPolicy } from "../../../engine/rule";
import { forEachDeferred } from "../aws/lib/stack";
import {
  describe,
  holdsPhi,
  isRegionalAwsResource,
  placementOf,
  regionList,
  reportUnplaced,
  RESIDENCY_CONFIG_SCHEMA,
  residencyConfig,
  type ResidencyConfig,
} from "./regions";

const DESCRIPTION =
  "Resources that hold PHI (tagged data-classification: phi, or untagged inside a PhiBucket, PhiTable, PhiDatabase or PhiQueue) are created only in the allowed regions (policy config allowedRegions; default us-east-1, us-east-2, us-west-1, us-west-2).";

const rule: PhiguardStackPolicy = {
  name: "phi-resources-in-allowed-regions",
  description: DESCRIPTION,
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)"],
  remediation:
    "Create PHI resources in an allowed region: set `region` on the resource (or `regions` on the `EnvelopeKey` and `MultiRegionNetwork` that phiguard components follow), or add the region to the rule's `allowedRegions` once your BAA and policies cover it.",
  controls: {},
  configSchema: RESIDENCY_CONFIG_SCHEMA,
  validateStack: (args: StackValidationArgs, report) => {
    const { allowed, defaultRegion } = residencyConfig(args.getConfig<ResidencyConfig>());
    forEachDeferred(args.resources.filter(isRegionalAwsResource), (resource) => {
      const placement = placementOf(resource, defaultRegion);
      if (placement.kind === "known" && allowed.includes(placement.region)) return;
      if (!holdsPhi(resource)) return;
      if (placement.kind === "unknown") placement.read();
      else if (placement.kind === "none") reportUnplaced(report, DESCRIPTION, resource, describe(resource));
      else report(`${describe(resource)} holds PHI in ${placement.region}, outside the allowed regions ${regionList(allowed)}.`, resource.urn);
    });
  },
};

export default rule;
