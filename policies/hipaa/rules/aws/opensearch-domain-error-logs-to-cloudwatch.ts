import { CITES } from "../../controls";
import { DOMAIN_TYPES } from "./lib/opensearch";
import { arrayOf, hasValue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "opensearch-domain-error-logs-to-cloudwatch",
  description: "OpenSearch (and Elasticsearch) domains publish their error logs (logType ES_APPLICATION_LOGS) to CloudWatch Logs.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.audit],
  remediation:
    "Add `{ logType: \"ES_APPLICATION_LOGS\", cloudwatchLogGroupArn: logGroup.arn, enabled: true }` to `logPublishingOptions` of the `aws.opensearch.Domain`, with an `aws.cloudwatch.LogResourcePolicy` that lets OpenSearch write to the group.",
  controls: {
    awsConfig: ["OPENSEARCH_LOGS_TO_CLOUDWATCH", "ELASTICSEARCH_LOGS_TO_CLOUDWATCH"],
    cdkNag: ["HIPAA.Security-OpenSearchErrorLogsToCloudWatch"],
    checkov: ["CKV_AWS_84"],
  },
  resourceTypes: DOMAIN_TYPES,
  check: (props, _args, report) => {
    const published = arrayOf<Props>(props.logPublishingOptions).some(
      (o) => o.logType === "ES_APPLICATION_LOGS" && o.enabled !== false && hasValue(o, "cloudwatchLogGroupArn"),
    );
    if (!published) report("no enabled logPublishingOptions entry of logType ES_APPLICATION_LOGS sends error logs to CloudWatch Logs.");
  },
});
