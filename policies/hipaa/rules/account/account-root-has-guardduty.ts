import type { PolicyResource } from "@pulumi/policy";
import { listing } from "../aws/lib/props";
import { stackRule } from "../aws/lib/rule";
import { forEachDeferred } from "../aws/lib/stack";
import { accountRegions, describeRegion, inRegion, joins, REGIONS_CONFIG, requireAccountRoot, type RegionsConfig } from "./lib/account";

const DETECTOR = "aws:guardduty/detector:Detector";
const FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";

/** Protection plans every detector must run, and the feature names that provide each. */
const PROTECTIONS: readonly { readonly label: string; readonly features: readonly string[] }[] = [
  { label: "S3 protection (S3_DATA_EVENTS)", features: ["S3_DATA_EVENTS"] },
  { label: "EKS audit log monitoring (EKS_AUDIT_LOGS)", features: ["EKS_AUDIT_LOGS"] },
  { label: "EKS runtime monitoring (RUNTIME_MONITORING or EKS_RUNTIME_MONITORING)", features: ["RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING"] },
  { label: "RDS login activity monitoring (RDS_LOGIN_EVENTS)", features: ["RDS_LOGIN_EVENTS"] },
  { label: "malware protection for EC2 (EBS_MALWARE_PROTECTION)", features: ["EBS_MALWARE_PROTECTION"] },
];

/** Features enabled through the detector's legacy `datasources` block. */
function legacyFeatures(detector: PolicyResource): string[] {
  const ds = detector.props.datasources;
  if (!ds) return [];
  const on: string[] = [];
  if (ds.s3Logs?.enable === true) on.push("S3_DATA_EVENTS");
  if (ds.kubernetes?.auditLogs?.enable === true) on.push("EKS_AUDIT_LOGS");
  if (ds.malwareProtection?.scanEc2InstanceWithFindings?.ebsVolumes?.enable === true) on.push("EBS_MALWARE_PROTECTION");
  return on;
}

export default stackRule({
  name: "account-root-has-guardduty",
  description:
    "An account-root stack enables Amazon GuardDuty in every region it covers, with S3 protection, EKS audit log and runtime monitoring, RDS login activity monitoring and malware protection, so threats to PHI systems are detected and reported.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(5)(ii)(B)", "164.308(a)(6)(ii)", "164.312(b)"],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack (a detector and its five protection features in each of its `regions`), or an `aws.guardduty.Detector` with `enable: true` and `aws.guardduty.DetectorFeature`s (`detectorId: detector.id`, `status: \"ENABLED\"`) per region.",
  controls: {
    awsConfig: ["GUARDDUTY_ENABLED_CENTRALIZED"],
  },
  resourceTypes: [DETECTOR, FEATURE],
  configSchema: { properties: { regions: REGIONS_CONFIG } },
  check: (args, report) => {
    requireAccountRoot(args);
    const regions = accountRegions(args, args.getConfig<RegionsConfig>());
    const features = args.resources.filter((r) => r.type === FEATURE);
    forEachDeferred(regions, (region) => {
      const detectors = inRegion(args.resources, DETECTOR, region);
      if (detectors.length === 0) {
        report(`no GuardDuty detector (aws.guardduty.Detector) in ${describeRegion(region)}.`);
        return;
      }
      forEachDeferred(detectors, (detector) => {
        if (detector.props.enable === false) {
          report(`the GuardDuty detector in ${describeRegion(region)} has enable: false.`, detector.urn);
          return;
        }
        const enabled = new Set(legacyFeatures(detector));
        for (const feature of features.filter((f) => joins(f, "detectorId", detector, ["id"]))) {
          if (feature.props.status === "ENABLED") enabled.add(String(feature.props.name));
        }
        const missing = PROTECTIONS.filter((p) => !p.features.some((f) => enabled.has(f))).map((p) => p.label);
        if (missing.length > 0) {
          report(`the GuardDuty detector in ${describeRegion(region)} does not enable ${listing(missing)} (aws.guardduty.DetectorFeature with status ENABLED).`, detector.urn);
        }
      });
    });
  },
});
