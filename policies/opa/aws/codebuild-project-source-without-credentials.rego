package phiguard

import rego.v1

# METADATA
# title: codebuild-project-source-without-credentials
# description: "CodeBuild project sources (primary and secondary) do not embed a user name, password or personal access token in their repository URL; the source provider connection (OAuth, CodeConnections) or a source credential authenticates instead."
deny_codebuild_project_source_without_credentials contains msg if some msg in analyzer_messages("codebuild-project-source-without-credentials")

codebuild_project_source_without_credentials(r) := array.concat(
	array.concat(unk(source), array.concat(secondary.evs, [item_u(item) | some item in secondary.all; item.u])),
	array.concat(
		_codebuild_project_source_without_credentials(rd_key(source, "location"), "source"),
		[e |
			some item in secondary.all
			not item.u
			some e in _codebuild_project_source_without_credentials(item_key(item, "location"), concat("", ["secondarySources[", format_int(item.i, 10), "]"]))
		],
	),
) if {
	source := edge_prop(r, ["source"])
	secondary := edge_array_of(edge_prop(r, ["secondarySources"]))
}

# `scheme://user@host` (JavaScript's \s, without the i flag's Unicode folding).
_codebuild_project_source_without_credentials(location, where) := array.concat(unk(location), [{"m": concat("", [where, ".location embeds credentials in the repository URL."])} |
	location.k == "val"
	is_string(location.v)
	regex.match(`^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\s\x{0B}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+@`, location.v)
])

catalog["codebuild-project-source-without-credentials"] := _rule("deny_codebuild_project_source_without_credentials", {"aws:codebuild/project:Project"})

resource_rule_events("codebuild-project-source-without-credentials", r) := codebuild_project_source_without_credentials(r)
