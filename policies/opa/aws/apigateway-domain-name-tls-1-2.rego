package phiguard

import rego.v1

# METADATA
# title: apigateway-domain-name-tls-1-2
# description: "API Gateway custom domain names accept TLS 1.2 or later only (securityPolicy TLS_1_2 or a TLS 1.2/1.3 enhanced policy)."
deny_apigateway_domain_name_tls_1_2 contains msg if some msg in analyzer_messages("apigateway-domain-name-tls-1-2")

apigateway_domain_name_tls_1_2(r) := unk(policy) if {
	policy := edge_prop(r, ["securityPolicy"])
	policy.k == "unk"
} else := [{"m": "no securityPolicy is set, so the domain may accept TLS 1.0 (TLS_1_0); expected 'TLS_1_2'."}] if {
	edge_prop(r, ["securityPolicy"]).k == "none"
} else := array.concat(text.evs, [{"m": concat("", ["securityPolicy is '", text.t, "'; expected 'TLS_1_2' or later."])} |
	count(text.evs) == 0
	not regex.match(`^(TLS_1_2|SecurityPolicy_TLS1[23]_)`, text.t)
]) if {
	text := edge_string(edge_prop(r, ["securityPolicy"]))
}

catalog["apigateway-domain-name-tls-1-2"] := _rule("deny_apigateway_domain_name_tls_1_2", {edge_domain_name})

resource_rule_events("apigateway-domain-name-tls-1-2", r) := apigateway_domain_name_tls_1_2(r)
