import type { PolicyResource } from "@pulumi/policy";
import { CITES } from "../../controls";
import { arrayOf, type Props } from "./lib/props";
import { forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

const TRAIL = "aws:cloudtrail/trail:Trail";
const S3_OBJECT = "AWS::S3::Object";

function logsS3DataEvents(trail: PolicyResource): boolean {
  const basic = arrayOf<Props>(trail.props.eventSelectors).some((s) =>
    arrayOf<Props>(s.dataResources).some((d) => d.type === S3_OBJECT),
  );
  if (basic) return true;
  return arrayOf<Props>(trail.props.advancedEventSelectors).some((selector) => {
    const fields = arrayOf<Props>(selector.fieldSelectors);
    const equals = (field: string, value: string) =>
      fields.some((f) => f.field === field && arrayOf<string>(f.equals).includes(value));
    return equals("eventCategory", "Data") && equals("resources.type", S3_OBJECT);
  });
}

export default stackRule({
  name: "cloudtrail-s3-data-events-enabled",
  description: "When a stack defines CloudTrail trails, at least one of them records S3 object-level (data) events, so every read and write of PHI objects is logged.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit, "164.308(a)(1)(ii)(D)"],
  remediation:
    "Use the `AuditTrail` component with `dataEventBuckets` naming the PHI buckets, or add to a trail an `eventSelectors` entry with `dataResources: [{ type: \"AWS::S3::Object\", values: [\"arn:aws:s3\"] }]` (or the equivalent advanced event selector).",
  controls: {
    awsConfig: ["CLOUDTRAIL_S3_DATAEVENTS_ENABLED"],
    cis: ["AWS 3.0.0 3.8", "AWS 3.0.0 3.9"],
  },
  resourceTypes: [TRAIL],
  check: (args, report) => {
    const trails = ofType(args.resources, TRAIL);
    if (trails.length === 0) args.notApplicable("the stack defines no CloudTrail trail");
    // A trail known to log S3 data events decides; otherwise a trail whose selectors are unknown
    // makes the verdict unknown (rethrown); otherwise every trail is at fault.
    let logging = false;
    try {
      forEachDeferred(trails, (trail) => {
        if (logsS3DataEvents(trail)) logging = true;
      });
    } catch (error) {
      if (logging) return;
      throw error;
    }
    if (logging) return;
    for (const trail of trails) report("no trail in the stack records S3 data events (AWS::S3::Object).", trail.urn);
  },
});
