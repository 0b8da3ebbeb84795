import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "cloudtrail-multi-region-enabled",
  description: "CloudTrail trails record API activity in every Region, including global services.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit, "164.308(a)(1)(ii)(D)"],
  remediation: "Use the `AuditTrail` component, or set `isMultiRegionTrail: true` (and keep `includeGlobalServiceEvents`) on the `aws.cloudtrail.Trail`.",
  controls: {
    awsConfig: ["MULTI_REGION_CLOUD_TRAIL_ENABLED"],
    checkov: ["CKV_AWS_67"],
    cis: ["AWS 3.0.0 3.1"],
  },
  resourceTypes: ["aws:cloudtrail/trail:Trail"],
  check: (props, _args, report) => {
    const p = props as Inputs<aws.cloudtrail.TrailArgs>;
    if (p.isMultiRegionTrail !== true) report("isMultiRegionTrail is not true: activity in other Regions is not recorded.");
    else if (p.includeGlobalServiceEvents === false) report("includeGlobalServiceEvents is false: IAM and other global service activity is not recorded.");
  },
});
