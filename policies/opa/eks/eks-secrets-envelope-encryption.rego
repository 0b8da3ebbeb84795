package phiguard

import rego.v1

# METADATA
# title: eks-secrets-envelope-encryption
# description: "EKS clusters must envelope-encrypt Kubernetes Secrets with a customer-managed KMS key (encryptionConfig.resources includes \"secrets\", encryptionConfig.provider.keyArn set), so Secrets in etcd are protected by a key whose use is controlled and logged in CloudTrail."
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

catalog["eks-secrets-envelope-encryption"] := _rule("deny_eks_secrets_envelope_encryption", {eks_cluster_type})

resource_rule_events("eks-secrets-envelope-encryption", r) := eks_secrets_envelope_encryption(r)
