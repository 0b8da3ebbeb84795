package phiguard

import rego.v1

# METADATA
# title: opensearch-domain-error-logs-to-cloudwatch
# description: "OpenSearch (and Elasticsearch) domains publish their error logs (logType ES_APPLICATION_LOGS) to CloudWatch Logs."
deny_opensearch_domain_error_logs_to_cloudwatch contains msg if some msg in analyzer_messages("opensearch-domain-error-logs-to-cloudwatch")

aws_opensearch_domain_error_logs_to_cloudwatch(r) := array.concat(hit.evs, [{"m": "no enabled logPublishingOptions entry of logType ES_APPLICATION_LOGS sends error logs to CloudWatch Logs."} | count(hit.evs) == 0; not hit.v]) if {
	hit := ds_publishes_log(r, "ES_APPLICATION_LOGS")
}

catalog["opensearch-domain-error-logs-to-cloudwatch"] := _rule("deny_opensearch_domain_error_logs_to_cloudwatch", aws_domain_types)

resource_rule_events("opensearch-domain-error-logs-to-cloudwatch", r) := aws_opensearch_domain_error_logs_to_cloudwatch(r)
