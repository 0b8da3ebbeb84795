package phiguard

import rego.v1

# METADATA
# title: acm-certificate-key-algorithm-strong
# description: "ACM certificates use a key of at least 2048 bits for RSA, or a P-256, P-384 or P-521 curve: requested certificates through keyAlgorithm, imported ones through the public key of certificateBody."
deny_acm_certificate_key_algorithm_strong contains msg if some msg in analyzer_messages("acm-certificate-key-algorithm-strong")

acm_certificate_key_algorithm_strong(r) := array.concat(algorithm.evs, [{"m": concat("", ["keyAlgorithm is '", algorithm.t, "'; expected RSA_2048 or stronger, or an EC key."])} |
	count(algorithm.evs) == 0
	algorithm.t == "RSA_1024"
]) if {
	not aws_has_value(r.props, "certificateBody")
	algorithm := edge_string_or(edge_prop(r, ["keyAlgorithm"]), "RSA_2048")
} else := _acm_certificate_key_algorithm_strong(edge_imported_certificate(r))

# The imported certificate's public key.
_acm_certificate_key_algorithm_strong(certificate) := certificate.evs if {
	not certificate.cert
} else := [{"m": concat("", ["the imported certificate has a ", format_int(key.bits, 10), "-bit RSA key; expected at least 2048."])}] if {
	key := certificate.cert.key
	key.type == "rsa"
	key.bits < 2048
} else := [{"m": concat("", ["the imported certificate's EC key uses curve '", key.curve, "'; expected prime256v1, secp384r1, secp521r1."])}] if {
	key := certificate.cert.key
	key.type == "ec"
	not key.curve in {"prime256v1", "secp384r1", "secp521r1"}
} else := []

catalog["acm-certificate-key-algorithm-strong"] := _rule("deny_acm_certificate_key_algorithm_strong", {edge_certificate})

resource_rule_events("acm-certificate-key-algorithm-strong", r) := acm_certificate_key_algorithm_strong(r)
