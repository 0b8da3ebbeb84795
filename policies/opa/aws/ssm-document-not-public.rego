package phiguard

import rego.v1

# METADATA
# title: ssm-document-not-public
# description: "Systems Manager documents are not shared publicly (permissions accountIds is not \"All\")."
deny_ssm_document_not_public contains msg if some msg in analyzer_messages("ssm-document-not-public")

aws_ssm_document_not_public(r) := unk(permissions) if {
	permissions := aws_prop(r, ["permissions"])
	permissions.k == "unk"
} else := [] if {
	not net_truthy(aws_prop(r, ["permissions"]))
} else := array.concat(unk(accounts), text.evs) if {
	accounts := aws_prop(r, ["permissions", "accountIds"])
	text := net_str_or(accounts, "")
	count(array.concat(unk(accounts), text.evs)) > 0
} else := [{"m": "the document is shared with all AWS accounts."} |
	some account in split(net_str_or(aws_prop(r, ["permissions", "accountIds"]), "").t, ",")
	lower(trim_space(account)) == "all"
]

catalog["ssm-document-not-public"] := _rule("deny_ssm_document_not_public", {"aws:ssm/document:Document"})

resource_rule_events("ssm-document-not-public", r) := aws_ssm_document_not_public(r)
