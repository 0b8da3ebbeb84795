package phiguard

import rego.v1

# METADATA
# title: opensearch-domain-node-to-node-encryption
# description: "OpenSearch (and Elasticsearch) domains encrypt traffic between their nodes with TLS (nodeToNodeEncryption.enabled)."
deny_opensearch_domain_node_to_node_encryption contains msg if some msg in analyzer_messages("opensearch-domain-node-to-node-encryption")

aws_opensearch_domain_node_to_node_encryption(r) := aws_unless_true(r, ["nodeToNodeEncryption", "enabled"], "nodeToNodeEncryption.enabled is not true.")

catalog["opensearch-domain-node-to-node-encryption"] := _rule("deny_opensearch_domain_node_to_node_encryption", aws_domain_types)

resource_rule_events("opensearch-domain-node-to-node-encryption", r) := aws_opensearch_domain_node_to_node_encryption(r)
