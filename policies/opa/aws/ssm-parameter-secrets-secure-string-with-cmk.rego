package phiguard

import rego.v1

# METADATA
# title: ssm-parameter-secrets-secure-string-with-cmk
# description: "SSM parameters that hold secrets are SecureString parameters encrypted with a customer managed KMS key: every SecureString names a customer managed keyId (not alias/aws/ssm), and a String or StringList whose name announces a secret (password, secret, token, api key, private key, credential) is refused."
deny_ssm_parameter_secrets_secure_string_with_cmk contains msg if some msg in analyzer_messages("ssm-parameter-secrets-secure-string-with-cmk")

aws_ssm_parameter_secrets_secure_string_with_cmk(r) := array.concat(unk(type), text.evs) if {
	type := aws_prop(r, ["type"])
	text := net_str_or(type, "String")
	count(array.concat(unk(type), text.evs)) > 0
} else := [{"m": concat("", ["parameter '", name, "' looks like a secret but is a plain ", type, "; expected SecureString."])} |
	regex.match(`(?i)(password|passwd|secret|token|api[-_]?key|private[-_]?key|credential|connection[-_]?string)`, name)
] if {
	type := net_str_or(aws_prop(r, ["type"]), "String").t
	type != "SecureString"
	name := _ssm_parameter_name(r)
} else := [{"m": concat("", [problem, ", so the SecureString is encrypted with the AWS managed SSM key."])} |
	problem := aws_customer_key_problem(r.props, "keyId")
]

# `peekString(props, "name") ?? args.name`.
_ssm_parameter_name(r) := r.props.name if {
	is_string(r.props.name)
} else := r.name

catalog["ssm-parameter-secrets-secure-string-with-cmk"] := _rule("deny_ssm_parameter_secrets_secure_string_with_cmk", {"aws:ssm/parameter:Parameter"})

resource_rule_events("ssm-parameter-secrets-secure-string-with-cmk", r) := aws_ssm_parameter_secrets_secure_string_with_cmk(r)
