package phiguard

import rego.v1

# METADATA
# title: iam-account-password-policy-strong
# description: "When a stack sets the account password policy, it requires at least 14 characters of all four kinds, prevents reuse of the last 24 passwords and expires passwords within 90 days."
deny_iam_account_password_policy_strong contains msg if some msg in analyzer_messages("iam-account-password-policy-strong")

aws_iam_account_password_policy_strong(r) := array.concat(
	array.concat(
		_iam_password_minimum(aws_prop(r, ["minimumPasswordLength"]), "minimumPasswordLength", 14),
		_iam_password_minimum(aws_prop(r, ["passwordReusePrevention"]), "passwordReusePrevention", 24),
	),
	array.concat(_iam_password_age(aws_prop(r, ["maxPasswordAge"])), _iam_password_flags(r)),
)

_iam_password_minimum(s, key, minimum) := array.concat(array.concat(unk(s), pd_text_evs(s)), [{"m": concat("", [key, " is ", js_string_or(s, "unset"), "; expected at least ", format_int(minimum, 10), "."])} |
	s.k != "unk"
	_iam_password_below(s, minimum)
])

_iam_password_below(s, _) if s.k == "none"

_iam_password_below(s, minimum) if js_less(s, minimum)

_iam_password_age(s) := array.concat(array.concat(unk(s), pd_text_evs(s)), [{"m": concat("", ["maxPasswordAge is ", js_string_or(s, "unset"), "; expected at most 90."])} |
	s.k != "unk"
	_iam_password_age_bad(s)
])

_iam_password_age_bad(s) if s.k == "none"

_iam_password_age_bad(s) if js_less_or_equal(s, 0)

_iam_password_age_bad(s) if {
	s.k == "val"
	js_number(s.v) > 90
}

_iam_password_flag_names := ["requireLowercaseCharacters", "requireUppercaseCharacters", "requireNumbers", "requireSymbols"]

_iam_password_flags(r) := array.concat([e | some f in _iam_password_flag_names; some e in unk(aws_prop(r, [f]))], [{"m": concat("", [pd_listing(off), _iam_password_verb(off), " not true."])} | count(off) > 0]) if {
	off := [f | some f in _iam_password_flag_names; not is_val(aws_prop(r, [f]), true)]
}

_iam_password_verb(off) := " is" if {
	count(off) == 1
} else := " are"

catalog["iam-account-password-policy-strong"] := _rule("deny_iam_account_password_policy_strong", {"aws:iam/accountPasswordPolicy:AccountPasswordPolicy"})

resource_rule_events("iam-account-password-policy-strong", r) := aws_iam_account_password_policy_strong(r)
