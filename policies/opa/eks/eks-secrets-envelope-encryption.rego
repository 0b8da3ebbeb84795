package phiguard

import rego.v1

deny_eks_secrets_envelope_encryption contains msg if some msg in analyzer_messages("eks-secrets-envelope-encryption")

eks_secrets_envelope_encryption(r) := array.concat(unk(config), _eks_envelope(config)) if {
	config := rd(r.props, props_at(r), ["encryptionConfig"])
}

_eks_envelope(config) := [] if {
	config.k == "unk"
} else := [{"m": "encryptionConfig is not set: Kubernetes Secrets are stored without envelope encryption."}] if {
	not is_object(value_or(config, null))
} else := array.concat(
	array.concat(resources.evs, [{"m": "encryptionConfig.resources does not include \"secrets\"."} | not "secrets" in resources.v]),
	array.concat(unk(provider), [{"m": "encryptionConfig.provider.keyArn is not set: no KMS key is given for envelope encryption."} |
		provider.k != "unk"
		not has_value(value_or(provider, null), "keyArn")
	]),
) if {
	resources := strings_of(rd_key(config, "resources"))
	provider := rd_key(config, "provider")
}
