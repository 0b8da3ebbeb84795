package phiguard

import rego.v1

# METADATA
# title: codebuild-project-no-plaintext-aws-credentials
# description: "CodeBuild projects do not pass AWS credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) as PLAINTEXT environment variables, which anyone who can read the project sees."
deny_codebuild_project_no_plaintext_aws_credentials contains msg if some msg in analyzer_messages("codebuild-project-no-plaintext-aws-credentials")

codebuild_project_no_plaintext_aws_credentials(r) := array.concat(variables.evs, [e |
	some item in variables.all
	some e in _codebuild_project_no_plaintext_aws_credentials(item)
]) if {
	variables := edge_array_of(edge_prop(r, ["environment", "environmentVariables"]))
}

_codebuild_project_no_plaintext_aws_credentials(item) := item_evs(item) if {
	item.u
} else := name.evs if {
	name := edge_string_or(item_key(item, "name"), "")
	count(name.evs) > 0
} else := [] if {
	not upper(edge_string_or(item_key(item, "name"), "").t) in {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}
} else := type.evs if {
	type := edge_string_or(item_key(item, "type"), "PLAINTEXT")
	count(type.evs) > 0
} else := [{"m": concat("", ["environment variable ", upper(edge_string_or(item_key(item, "name"), "").t), " holds an AWS credential in plain text."])} |
	upper(edge_string_or(item_key(item, "type"), "PLAINTEXT").t) == "PLAINTEXT"
]

catalog["codebuild-project-no-plaintext-aws-credentials"] := _rule("deny_codebuild_project_no_plaintext_aws_credentials", {"aws:codebuild/project:Project"})

resource_rule_events("codebuild-project-no-plaintext-aws-credentials", r) := codebuild_project_no_plaintext_aws_credentials(r)
