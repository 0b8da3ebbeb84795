import type { PolicyResource } from "@pulumi/policy";
import { stackRule } from "../aws/lib/rule";
import { forEachDeferred } from "../aws/lib/stack";
import { accountRegions, describeRegion, inRegion, joins, REGIONS_CONFIG, requireAccountRoot, type RegionsConfig } from "./lib/account";

const RECORDER = "aws:cfg/recorder:Recorder";
const CHANNEL = "aws:cfg/deliveryChannel:DeliveryChannel";
const STATUS = "aws:cfg/recorderStatus:RecorderStatus";

/** Records every supported resource type (the whole `recordingGroup`, or its absence, which AWS Config reads as all supported). */
function recordsAll(recorder: PolicyResource): boolean {
  const group = recorder.props.recordingGroup;
  return group === undefined || group === null || group.allSupported !== false;
}

export default stackRule({
  name: "account-root-has-config-recorder",
  description:
    "An account-root stack runs an AWS Config recorder in every region it covers, recording all supported resource types (global ones, such as IAM, in one region), with a delivery channel and the recorder turned on, so every configuration change to PHI systems is recorded for review.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(8)", "164.312(b)"],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack (a recorder, a delivery channel to an encrypted bucket and the recorder status on in each of its `regions`), or an `aws.cfg.Recorder` with `recordingGroup.allSupported: true`, an `aws.cfg.DeliveryChannel` and an `aws.cfg.RecorderStatus` with `isEnabled: true` per region, one recorder with `includeGlobalResourceTypes: true`.",
  controls: {
    cis: ["AWS 3.0.0 3.3"],
  },
  resourceTypes: [RECORDER, CHANNEL, STATUS],
  configSchema: { properties: { regions: REGIONS_CONFIG } },
  check: (args, report) => {
    requireAccountRoot(args);
    const regions = accountRegions(args, args.getConfig<RegionsConfig>());
    let global = false;
    let anyRecorder = false;
    forEachDeferred(regions, (region) => {
      const recorders = inRegion(args.resources, RECORDER, region);
      if (recorders.length === 0) {
        report(`no AWS Config recorder (aws.cfg.Recorder) in ${describeRegion(region)}.`);
        return;
      }
      anyRecorder = true;
      forEachDeferred(recorders, (recorder) => {
        if (!recordsAll(recorder)) {
          report(`the AWS Config recorder in ${describeRegion(region)} does not record all supported resource types (recordingGroup.allSupported is false).`, recorder.urn);
        }
        if (recorder.props.recordingGroup?.includeGlobalResourceTypes === true) global = true;
        const statuses = inRegion(args.resources, STATUS, region).filter((s) => joins(s, "name", recorder));
        if (!statuses.some((s) => s.props.isEnabled === true)) {
          report(`the AWS Config recorder in ${describeRegion(region)} is not turned on (no aws.cfg.RecorderStatus with isEnabled: true for it).`, recorder.urn);
        }
      });
      if (inRegion(args.resources, CHANNEL, region).length === 0) {
        report(`no AWS Config delivery channel (aws.cfg.DeliveryChannel) in ${describeRegion(region)}: the recorder cannot start without one.`);
      }
    });
    if (anyRecorder && !global) {
      report("no AWS Config recorder records global resource types (recordingGroup.includeGlobalResourceTypes: true in one region): IAM users, roles and policies are not recorded.");
    }
  },
});
