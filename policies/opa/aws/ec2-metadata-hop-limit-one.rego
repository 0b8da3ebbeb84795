package phiguard

import rego.v1

# METADATA
# title: ec2-metadata-hop-limit-one
# description: "The instance metadata response hop limit is 1, so containers on the instance cannot reach the node's IAM credentials through IMDS."
warn_ec2_metadata_hop_limit_one contains msg if some msg in analyzer_messages("ec2-metadata-hop-limit-one")

aws_ec2_metadata_hop_limit_one(r) := [] if {
	net_from_launch_template(r, "metadataOptions")
} else := unk(endpoint) if {
	endpoint := aws_prop(r, ["metadataOptions", "httpEndpoint"])
	endpoint.k == "unk"
} else := [] if {
	is_val(aws_prop(r, ["metadataOptions", "httpEndpoint"]), "disabled")
} else := unk(limit) if {
	limit := aws_prop(r, ["metadataOptions", "httpPutResponseHopLimit"])
	limit.k != "val"
} else := text.evs if {
	# `limit > 1` converts an array by joining its elements.
	text := net_str(aws_prop(r, ["metadataOptions", "httpPutResponseHopLimit"]))
	count(text.evs) > 0
} else := [{"m": concat("", ["the ", net_launch_kind(r.type), " sets metadataOptions.httpPutResponseHopLimit to ", text.t, "; expected 1."])} |
	net_js_number(limit.v) > 1
] if {
	limit := aws_prop(r, ["metadataOptions", "httpPutResponseHopLimit"])
	text := net_str(limit)
}

catalog["ec2-metadata-hop-limit-one"] := _rule("warn_ec2_metadata_hop_limit_one", {"aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/launchConfiguration:LaunchConfiguration"})

resource_rule_events("ec2-metadata-hop-limit-one", r) := aws_ec2_metadata_hop_limit_one(r)
