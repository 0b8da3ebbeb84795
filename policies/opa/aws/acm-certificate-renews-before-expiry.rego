package phiguard

import rego.v1

# METADATA
# title: acm-certificate-renews-before-expiry
# description: "ACM certificates do not lapse: a requested public certificate is DNS-validated (so ACM renews it without anyone acting on an email), and an imported certificate, which ACM never renews, is valid for at least minimumDaysToExpiry more days (30 by default) at the time of the check."
deny_acm_certificate_renews_before_expiry contains msg if some msg in analyzer_messages("acm-certificate-renews-before-expiry")

# The time of the check: phiguard's Rego engine sets data.phiguard.now_ms (Date.now() when it
# evaluates). Pulumi's OPA analyzer has no clock to give (time.now_ns is not available to the pack),
# so there an imported certificate's expiry is reported as not verifiable
# ("cannot be verified before deploy: props.certificateBody") instead of being checked.
acm_certificate_renews_before_expiry(r) := _acm_certificate_renews_before_expiry_imported(r, edge_imported_certificate(r)) if {
	aws_has_value(r.props, "certificateBody")
} else := [] if {
	aws_has_value(r.props, "certificateAuthorityArn")
} else := array.concat(method.evs, [{"m": concat("", ["validationMethod is ", _acm_certificate_renews_before_expiry_method(upper(method.t)), ", so renewal needs someone to act on validation emails; expected 'DNS'."])} |
	count(method.evs) == 0
	upper(method.t) != "DNS"
]) if {
	method := edge_string_or(edge_prop(r, ["validationMethod"]), "")
}

_acm_certificate_renews_before_expiry_imported(r, certificate) := certificate.evs if {
	not certificate.cert
} else := [{"u": "props.certificateBody", "s": false, "o": r.urn}] if {
	not edge_now_ms
} else := _acm_certificate_renews_before_expiry(
	certificate.cert,
	floor((certificate.cert.valid_to_ms - edge_now_ms) / 86400000),
	config("acm-certificate-renews-before-expiry", "minimumDaysToExpiry", 30),
)

_acm_certificate_renews_before_expiry(cert, days, minimum) := [{"m": concat("", ["the imported certificate expired on ", cert.valid_to, "."])}] if {
	days < 0
} else := [{"m": concat("", ["the imported certificate expires on ", cert.valid_to, ", in ", format_int(days, 10), " days; expected at least ", js_string(minimum), "."])}] if {
	days < minimum
} else := []

_acm_certificate_renews_before_expiry_method("") := "not set"

_acm_certificate_renews_before_expiry_method(method) := concat("", ["'", method, "'"]) if method != ""

catalog["acm-certificate-renews-before-expiry"] := _rule("deny_acm_certificate_renews_before_expiry", {edge_certificate})

resource_rule_events("acm-certificate-renews-before-expiry", r) := acm_certificate_renews_before_expiry(r)
