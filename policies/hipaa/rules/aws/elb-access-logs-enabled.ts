import { CLASSIC_LB, loadBalancerType, V2_LOAD_BALANCERS } from "./lib/elb";
import { hasValue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elb-access-logs-enabled",
  description: "Load balancers write access logs to S3 (accessLogs enabled, with a bucket).",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(b)", "164.308(a)(1)(ii)(D)"],
  remediation:
    "Use the `SecureWorkload` component (it logs to the `AuditTrail` access-log bucket), or set `accessLogs: { bucket: logBucket.id, enabled: true }`.",
  controls: {
    awsConfig: ["ELB_LOGGING_ENABLED"],
    cdkNag: ["HIPAA.Security-ELBLoggingEnabled"],
    checkov: ["CKV_AWS_91", "CKV_AWS_92"],
  },
  resourceTypes: [...V2_LOAD_BALANCERS, CLASSIC_LB],
  check: (props, args, report) => {
    if (args.type !== CLASSIC_LB && loadBalancerType(props) === "gateway") args.notApplicable("gateway load balancers have no access logs");
    const logs = props.accessLogs as Props | undefined;
    if (!logs || !hasValue(logs, "bucket")) {
      report("no accessLogs bucket is configured.");
      return;
    }
    // aws.lb defaults `enabled` to false even when a bucket is given; the classic ELB defaults it to true.
    const enabled = args.type === CLASSIC_LB ? logs.enabled !== false : logs.enabled === true;
    if (!enabled) report("accessLogs is configured but not enabled.");
  },
});
