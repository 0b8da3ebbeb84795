package phiguard

import rego.v1

# METADATA
# title: acm-certificate-transparency-logging-enabled
# description: "Publicly trusted ACM certificates are logged to public certificate transparency logs (options.certificateTransparencyLoggingPreference is not DISABLED), so a certificate mis-issued for the organization's domains can be detected."
warn_acm_certificate_transparency_logging_enabled contains msg if some msg in analyzer_messages("acm-certificate-transparency-logging-enabled")

acm_certificate_transparency_logging_enabled(r) := [] if {
	aws_has_value(r.props, "certificateBody")
} else := array.concat(preference.evs, [{"m": "certificate transparency logging is DISABLED."} |
	count(preference.evs) == 0
	upper(preference.t) == "DISABLED"
]) if {
	preference := edge_string_or(edge_prop(r, ["options", "certificateTransparencyLoggingPreference"]), "ENABLED")
}

catalog["acm-certificate-transparency-logging-enabled"] := _rule("warn_acm_certificate_transparency_logging_enabled", {edge_certificate})

resource_rule_events("acm-certificate-transparency-logging-enabled", r) := acm_certificate_transparency_logging_enabled(r)
