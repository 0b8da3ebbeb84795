package phiguard

import rego.v1

# METADATA
# title: ecr-repository-encrypted-with-kms
# description: "ECR repositories encrypt images with KMS rather than the default AES-256 with an AWS owned key."
warn_ecr_repository_encrypted_with_kms contains msg if some msg in analyzer_messages("ecr-repository-encrypted-with-kms")

ecr_repository_encrypted_with_kms(r) := array.concat(array.concat(configs.evs, hit.evs), [{"m": "the repository is not encrypted with KMS (encryptionType is not 'KMS')."} |
	count(configs.evs) + count(hit.evs) == 0
	not hit.v
]) if {
	configs := edge_array_of(edge_prop(r, ["encryptionConfigurations"]))
	hit := first_hit([_ecr_repository_encrypted_with_kms(item) | some item in configs.all])
}

_ecr_repository_encrypted_with_kms(item) := {"evs": item_evs(item), "v": false} if {
	item.u
} else := {"evs": text.evs, "v": false} if {
	text := edge_string(item_key(item, "encryptionType"))
	count(text.evs) > 0
} else := {"evs": [], "v": startswith(upper(edge_string(item_key(item, "encryptionType")).t), "KMS")}

catalog["ecr-repository-encrypted-with-kms"] := _rule("warn_ecr_repository_encrypted_with_kms", {"aws:ecr/repository:Repository"})

resource_rule_events("ecr-repository-encrypted-with-kms", r) := ecr_repository_encrypted_with_kms(r)
