package phiguard

import rego.v1

# METADATA
# title: opensearch-domain-encrypted-at-rest-with-cmk
# description: "OpenSearch (and Elasticsearch) domains encrypt data at rest (encryptAtRest.enabled) with a customer managed KMS key."
deny_opensearch_domain_encrypted_at_rest_with_cmk contains msg if some msg in analyzer_messages("opensearch-domain-encrypted-at-rest-with-cmk")

aws_opensearch_domain_encrypted_at_rest_with_cmk(r) := unk(s) if {
	s := aws_prop(r, ["encryptAtRest", "enabled"])
	s.k == "unk"
} else := [{"m": "encryptAtRest.enabled is not true."}] if {
	not is_val(aws_prop(r, ["encryptAtRest", "enabled"]), true)
} else := [{"m": concat("", ["encryptAtRest: ", problem, ", so the domain uses the AWS managed key."])} | problem := aws_customer_key_problem(r.props.encryptAtRest, "kmsKeyId")]

catalog["opensearch-domain-encrypted-at-rest-with-cmk"] := _rule("deny_opensearch_domain_encrypted_at_rest_with_cmk", aws_domain_types)

resource_rule_events("opensearch-domain-encrypted-at-rest-with-cmk", r) := aws_opensearch_domain_encrypted_at_rest_with_cmk(r)
