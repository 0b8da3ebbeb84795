import { CITES } from "../../controls";
import { DOMAIN_TYPES } from "./lib/opensearch";
import { arrayOf, hasValue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "opensearch-domain-audit-logs-enabled",
  description:
    "OpenSearch (and Elasticsearch) domains publish audit logs (logType AUDIT_LOGS) to CloudWatch Logs, recording who read or changed which index; audit logs need fine-grained access control.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit, "164.308(a)(1)(ii)(D)"],
  remediation:
    "Turn on `advancedSecurityOptions` and add `{ logType: \"AUDIT_LOGS\", cloudwatchLogGroupArn: logGroup.arn, enabled: true }` to `logPublishingOptions` of the `aws.opensearch.Domain`.",
  controls: {
    checkov: ["CKV_AWS_317"],
  },
  resourceTypes: DOMAIN_TYPES,
  check: (props, _args, report) => {
    const published = arrayOf<Props>(props.logPublishingOptions).some(
      (o) => o.logType === "AUDIT_LOGS" && o.enabled !== false && hasValue(o, "cloudwatchLogGroupArn"),
    );
    if (!published) report("no enabled logPublishingOptions entry of logType AUDIT_LOGS publishes audit logs.");
  },
});
