package phiguard

import rego.v1

# METADATA
# title: account-root-has-access-analyzer
# description: An account-root stack runs an IAM Access Analyzer for external access (type ACCOUNT or ORGANIZATION) in every region it covers, so any resource policy that shares PHI stores, keys or roles outside the account is reported.
stack_deny_account_root_has_access_analyzer contains msg if some msg in analyzer_stack_messages("account-root-has-access-analyzer")

account_root_has_access_analyzer := units_outcome([_acct_analyzer_region(region) | some region in acct_regions("account-root-has-access-analyzer")]) if {
	acct_account_root
} else := []

_acct_analyzer_region(region) := array.concat(hit.evs, [acct_stack_violation(concat("", ["no IAM Access Analyzer for external access (aws.accessanalyzer.Analyzer of type ACCOUNT or ORGANIZATION) in ", acct_describe_region(region), "."])) | not hit.v]) if {
	hit := first_hit([_acct_analyzer_external(a) | some a in acct_in_region("aws:accessanalyzer/analyzer:Analyzer", region)])
}

# `EXTERNAL_ACCESS_TYPES.includes(String(a.props.type ?? "ACCOUNT"))`.
_acct_analyzer_external(a) := {"evs": unk(t), "v": _acct_analyzer_type(t) in {"ACCOUNT", "ORGANIZATION"}} if {
	t := acct_prop(a, ["type"])
}

_acct_analyzer_type(t) := js_string(t.v) if {
	t.k == "val"
	t.v != null
} else := "ACCOUNT"

catalog["account-root-has-access-analyzer"] := _rule("stack_deny_account_root_has_access_analyzer", {"aws:accessanalyzer/analyzer:Analyzer"})

stack_rule_events("account-root-has-access-analyzer") := account_root_has_access_analyzer
