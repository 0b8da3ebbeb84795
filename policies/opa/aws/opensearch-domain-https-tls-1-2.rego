package phiguard

import rego.v1

# METADATA
# title: opensearch-domain-https-tls-1-2
# description: "OpenSearch (and Elasticsearch) domains refuse plain HTTP (domainEndpointOptions.enforceHttps) and accept TLS 1.2 or later only (tlsSecurityPolicy Policy-Min-TLS-1-2-...)."
deny_opensearch_domain_https_tls_1_2 contains msg if some msg in analyzer_messages("opensearch-domain-https-tls-1-2")

aws_opensearch_domain_https_tls_1_2(r) := array.concat(
	array.concat(unk(https), [{"m": "domainEndpointOptions.enforceHttps is not true, so plain HTTP is accepted."} | https.k != "unk"; not is_val(https, true)]),
	_opensearch_domain_https_tls_1_2_policy(aws_prop(r, ["domainEndpointOptions", "tlsSecurityPolicy"])),
) if {
	https := aws_prop(r, ["domainEndpointOptions", "enforceHttps"])
}

_opensearch_domain_https_tls_1_2_policy(policy) := unk(policy) if {
	policy.k == "unk"
} else := [{"m": "no domainEndpointOptions.tlsSecurityPolicy is set, so TLS 1.0 and 1.1 may be accepted."}] if {
	policy.k == "none"
} else := ds_string(policy).evs if {
	count(ds_string(policy).evs) > 0
} else := [{"m": concat("", ["tlsSecurityPolicy is '", js_string(policy.v), "'; expected a Policy-Min-TLS-1-2 policy."])}] if {
	not regex.match(`^Policy-Min-TLS-1-2(-|$)`, js_string(policy.v))
} else := []

catalog["opensearch-domain-https-tls-1-2"] := _rule("deny_opensearch_domain_https_tls_1_2", aws_domain_types)

resource_rule_events("opensearch-domain-https-tls-1-2", r) := aws_opensearch_domain_https_tls_1_2(r)
