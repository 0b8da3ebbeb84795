package phiguard

import rego.v1

# METADATA
# title: elb-listener-uses-acm-certificate
# description: "TLS-terminating load balancer listeners use certificates from AWS Certificate Manager, which renews them automatically."
stack_warn_elb_listener_uses_acm_certificate contains msg if some msg in analyzer_stack_messages("elb-listener-uses-acm-certificate")

elb_listener_uses_acm_certificate := units_outcome([_elb_listener_uses_acm_certificate(r) | some r in resources_of_types(edge_v2_listeners | {edge_classic_lb})])

_elb_listener_uses_acm_certificate(r) := array.concat(listeners.evs, [e |
	some item in listeners.all
	some e in _elb_listener_uses_acm_certificate_classic(r, item)
]) if {
	r.type == edge_classic_lb
	listeners := edge_array_of(edge_prop(r, ["listeners"]))
} else := protocol.evs if {
	protocol := edge_listener_protocol(r)
	count(protocol.evs) > 0
} else := [] if {
	not edge_listener_protocol(r).t in edge_encrypted_protocols
} else := [{"m": "the TLS listener sets no certificateArn.", "urn": r.urn}] if {
	not aws_has_value(r.props, "certificateArn")
} else := [{"m": "the listener's certificate is not from ACM (an IAM server certificate or another source).", "urn": r.urn} |
	not _elb_listener_uses_acm_certificate_acm(r, "certificateArn", r.props)
]

_elb_listener_uses_acm_certificate_classic(r, item) := item_evs(item) if {
	item.u
} else := [{"m": concat("", ["listeners[", format_int(item.i, 10), "] uses a certificate that is not from ACM."]), "urn": r.urn} |
	aws_has_value(item.v, "sslCertificateId")
	not _elb_listener_uses_acm_certificate_acm(r, "listeners", item.v)
]

# `isAcm(resource, property, peekString(x, <the certificate key>))`.
_elb_listener_uses_acm_certificate_acm(r, property, _) if {
	some s in property_sources(r, property)
	s.type in {"aws:acm/certificate:Certificate", "aws:acm/certificateValidation:CertificateValidation"}
}

_elb_listener_uses_acm_certificate_acm(r, property, x) if {
	is_literal(r, property)
	regex.match(`^arn:aws[a-z-]*:acm:`, edge_peek_string(x, _elb_listener_uses_acm_certificate_key(property)))
}

_elb_listener_uses_acm_certificate_key("listeners") := "sslCertificateId"

_elb_listener_uses_acm_certificate_key("certificateArn") := "certificateArn"

catalog["elb-listener-uses-acm-certificate"] := _rule("stack_warn_elb_listener_uses_acm_certificate", edge_v2_listeners | {edge_classic_lb})

stack_rule_events("elb-listener-uses-acm-certificate") := elb_listener_uses_acm_certificate
