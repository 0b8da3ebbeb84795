package phiguard

import rego.v1

# METADATA
# title: ec2-imdsv2-required
# description: "EC2 instances, launch templates and launch configurations require IMDSv2 session tokens (metadataOptions.httpTokens: required), which blocks SSRF-style theft of instance credentials."
deny_ec2_imdsv2_required contains msg if some msg in analyzer_messages("ec2-imdsv2-required")

aws_ec2_imdsv2_required(r) := [] if {
	net_from_launch_template(r, "metadataOptions")
} else := unk(endpoint) if {
	endpoint := aws_prop(r, ["metadataOptions", "httpEndpoint"])
	endpoint.k == "unk"
} else := [] if {
	is_val(aws_prop(r, ["metadataOptions", "httpEndpoint"]), "disabled")
} else := array.concat(unk(tokens), [{"m": concat("", ["the ", net_launch_kind(r.type), " does not set metadataOptions.httpTokens to 'required', so IMDSv1 stays available."])} |
	tokens.k != "unk"
	not is_val(tokens, "required")
]) if {
	tokens := aws_prop(r, ["metadataOptions", "httpTokens"])
}

catalog["ec2-imdsv2-required"] := _rule("deny_ec2_imdsv2_required", {"aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/launchConfiguration:LaunchConfiguration"})

resource_rule_events("ec2-imdsv2-required", r) := aws_ec2_imdsv2_required(r)
