package phiguard

import rego.v1

# METADATA
# title: opensearch-domain-fine-grained-access-control
# description: "OpenSearch (and Elasticsearch) domains use fine-grained access control (advancedSecurityOptions.enabled), so access to indexes, documents and fields is granted per user or role."
warn_opensearch_domain_fine_grained_access_control contains msg if some msg in analyzer_messages("opensearch-domain-fine-grained-access-control")

aws_opensearch_domain_fine_grained_access_control(r) := aws_unless_true(r, ["advancedSecurityOptions", "enabled"], "advancedSecurityOptions.enabled is not true.")

catalog["opensearch-domain-fine-grained-access-control"] := _rule("warn_opensearch_domain_fine_grained_access_control", aws_domain_types)

resource_rule_events("opensearch-domain-fine-grained-access-control", r) := aws_opensearch_domain_fine_grained_access_control(r)
