package phiguard

import rego.v1

# METADATA
# title: codebuild-project-encrypted-with-cmk
# description: "CodeBuild projects encrypt their build artifacts with a customer managed KMS key (encryptionKey), and no artifact output turns encryption off (encryptionDisabled)."
warn_codebuild_project_encrypted_with_cmk contains msg if some msg in analyzer_messages("codebuild-project-encrypted-with-cmk")

codebuild_project_encrypted_with_cmk(r) := array.concat(
	array.concat(aws_customer_key(r, "encryptionKey", ", so artifacts are encrypted with the AWS managed S3 key."), unk(artifacts)),
	array.concat(
		array.concat(secondary.evs, [item_u(item) | some item in secondary.all; item.u]),
		array.concat(
			_codebuild_project_encrypted_with_cmk(rd_key(artifacts, "encryptionDisabled"), "artifacts"),
			[e |
				some item in secondary.all
				not item.u
				some e in _codebuild_project_encrypted_with_cmk(item_key(item, "encryptionDisabled"), concat("", ["secondaryArtifacts[", format_int(item.i, 10), "]"]))
			],
		),
	),
) if {
	artifacts := edge_prop(r, ["artifacts"])
	secondary := edge_array_of(edge_prop(r, ["secondaryArtifacts"]))
}

_codebuild_project_encrypted_with_cmk(disabled, where) := array.concat(unk(disabled), [{"m": concat("", [where, " sets encryptionDisabled: true."])} | is_val(disabled, true)])

catalog["codebuild-project-encrypted-with-cmk"] := _rule("warn_codebuild_project_encrypted_with_cmk", {"aws:codebuild/project:Project"})

resource_rule_events("codebuild-project-encrypted-with-cmk", r) := codebuild_project_encrypted_with_cmk(r)
