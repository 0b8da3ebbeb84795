package phiguard

import rego.v1

# METADATA
# title: opensearch-domain-audit-logs-enabled
# description: "OpenSearch (and Elasticsearch) domains publish audit logs (logType AUDIT_LOGS) to CloudWatch Logs, recording who read or changed which index; audit logs need fine-grained access control."
deny_opensearch_domain_audit_logs_enabled contains msg if some msg in analyzer_messages("opensearch-domain-audit-logs-enabled")

aws_opensearch_domain_audit_logs_enabled(r) := array.concat(hit.evs, [{"m": "no enabled logPublishingOptions entry of logType AUDIT_LOGS publishes audit logs."} | count(hit.evs) == 0; not hit.v]) if {
	hit := ds_publishes_log(r, "AUDIT_LOGS")
}

catalog["opensearch-domain-audit-logs-enabled"] := _rule("deny_opensearch_domain_audit_logs_enabled", aws_domain_types)

resource_rule_events("opensearch-domain-audit-logs-enabled", r) := aws_opensearch_domain_audit_logs_enabled(r)
