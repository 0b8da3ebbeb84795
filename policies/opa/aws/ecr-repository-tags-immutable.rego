package phiguard

import rego.v1

# METADATA
# title: ecr-repository-tags-immutable
# description: "ECR repositories make image tags immutable, so a deployed tag always names the image that was reviewed and scanned."
warn_ecr_repository_tags_immutable contains msg if some msg in analyzer_messages("ecr-repository-tags-immutable")

# A value that is not a string makes the TypeScript rule fail (`startsWith` of a non-string).
ecr_repository_tags_immutable(r) := unk(mutability) if {
	mutability := edge_prop(r, ["imageTagMutability"])
	mutability.k == "unk"
} else := [{"m": concat("", ["imageTagMutability is '", text, "'; expected 'IMMUTABLE'."])} | not startswith(text, "IMMUTABLE")] if {
	text := _ecr_repository_tags_immutable(edge_prop(r, ["imageTagMutability"]))
	is_string(text)
} else := []

_ecr_repository_tags_immutable(s) := s.v if {
	s.k == "val"
	s.v != null
} else := "MUTABLE"

catalog["ecr-repository-tags-immutable"] := _rule("warn_ecr_repository_tags_immutable", {"aws:ecr/repository:Repository"})

resource_rule_events("ecr-repository-tags-immutable", r) := ecr_repository_tags_immutable(r)
