package phiguard

import rego.v1

# METADATA
# title: emr-security-configuration-encrypts-data
# description: "EMR security configurations encrypt data at rest with KMS (S3 with SSE-KMS or CSE-KMS, local disks with an AwsKms key, EBS volumes included) and in transit (EnableInTransitEncryption)."
deny_emr_security_configuration_encrypts_data contains msg if some msg in analyzer_messages("emr-security-configuration-encrypts-data")

# The configuration is a JSON string (parsed: nothing in it is unknown) or an object read through
# the props (where any value may be unknown).
aws_emr_security_configuration_encrypts_data(r) := unk(s) if {
	s := aws_prop(r, ["configuration"])
	s.k == "unk"
} else := [{"m": "configuration is not valid JSON, so its encryption settings cannot be checked."}] if {
	s := aws_prop(r, ["configuration"])
	is_string(s.v)
	not json_parse(s.v)
} else := _emr_security_configuration_encrypts_data_parsed(val(json_parse(s.v).v, props_at(r))) if {
	s := aws_prop(r, ["configuration"])
	is_string(s.v)
} else := _emr_security_configuration_encrypts_data_parsed(aws_prop(r, ["configuration"]))

# `object(object(parsed)?.EncryptionConfiguration)`.
_emr_security_configuration_encrypts_data_parsed(parsed) := unk(encryption) if {
	encryption := rd_key(parsed, "EncryptionConfiguration")
	encryption.k == "unk"
} else := [{"m": "the configuration has no EncryptionConfiguration."}] if {
	not _emr_security_configuration_encrypts_data_object(rd_key(parsed, "EncryptionConfiguration"))
} else := _emr_security_configuration_encrypts_data_encryption(rd_key(parsed, "EncryptionConfiguration"))

_emr_security_configuration_encrypts_data_object(s) if {
	s.k == "val"
	is_object(s.v)
}

_emr_security_configuration_encrypts_data_encryption(encryption) := array.concat(
	array.concat(unk(transit), [{"m": "EnableInTransitEncryption is not true."} | transit.k != "unk"; not is_val(transit, true)]),
	_emr_security_configuration_encrypts_data_at_rest(encryption),
) if {
	transit := rd_key(encryption, "EnableInTransitEncryption")
}

_emr_security_configuration_encrypts_data_at_rest(encryption) := unk(enabled) if {
	enabled := rd_key(encryption, "EnableAtRestEncryption")
	enabled.k == "unk"
} else := [{"m": "EnableAtRestEncryption is not true."}] if {
	not is_val(rd_key(encryption, "EnableAtRestEncryption"), true)
} else := _emr_security_configuration_encrypts_data_at_rest_config(rd_key(encryption, "AtRestEncryptionConfiguration"))

# A value that is not an object reads as undefined below it, as `object(...)?.` does.
_emr_security_configuration_encrypts_data_at_rest_config(at_rest) := unk(at_rest) if {
	at_rest.k == "unk"
} else := array.concat(_emr_security_configuration_encrypts_data_s3(at_rest), _emr_security_configuration_encrypts_data_disk(at_rest))

_emr_security_configuration_encrypts_data_s3(at_rest) := unk(s3) if {
	s3 := rd_key(at_rest, "S3EncryptionConfiguration")
	s3.k == "unk"
} else := unk(mode) if {
	mode := rd_key(rd_key(at_rest, "S3EncryptionConfiguration"), "EncryptionMode")
	mode.k == "unk"
} else := text.evs if {
	text := ds_string_or(rd_key(rd_key(at_rest, "S3EncryptionConfiguration"), "EncryptionMode"), "")
	count(text.evs) > 0
} else := [{"m": concat("", ["S3 encryption mode is '", _emr_security_configuration_encrypts_data_or_not_set(mode), "'; expected 'SSE-KMS' or 'CSE-KMS'."])} | not mode in {"SSE-KMS", "CSE-KMS"}] if {
	mode := js_string_or(rd_key(rd_key(at_rest, "S3EncryptionConfiguration"), "EncryptionMode"), "")
}

_emr_security_configuration_encrypts_data_or_not_set(text) := "not set" if {
	text == ""
} else := text

_emr_security_configuration_encrypts_data_disk(at_rest) := unk(disk) if {
	disk := rd_key(at_rest, "LocalDiskEncryptionConfiguration")
	disk.k == "unk"
} else := unk(provider) if {
	provider := rd_key(rd_key(at_rest, "LocalDiskEncryptionConfiguration"), "EncryptionKeyProviderType")
	provider.k == "unk"
} else := text.evs if {
	provider := rd_key(rd_key(at_rest, "LocalDiskEncryptionConfiguration"), "EncryptionKeyProviderType")
	not is_val(provider, "AwsKms")
	text := ds_string_or(provider, "not set")
	count(text.evs) > 0
} else := [{"m": concat("", ["local disk EncryptionKeyProviderType is '", js_string_or(provider, "not set"), "'; expected 'AwsKms'."])}] if {
	provider := rd_key(rd_key(at_rest, "LocalDiskEncryptionConfiguration"), "EncryptionKeyProviderType")
	not is_val(provider, "AwsKms")
} else := unk(ebs) if {
	ebs := rd_key(rd_key(at_rest, "LocalDiskEncryptionConfiguration"), "EnableEbsEncryption")
	ebs.k == "unk"
} else := [{"m": "local disk encryption does not set EnableEbsEncryption, so EBS root and storage volumes stay unencrypted."}] if {
	not is_val(rd_key(rd_key(at_rest, "LocalDiskEncryptionConfiguration"), "EnableEbsEncryption"), true)
} else := []

catalog["emr-security-configuration-encrypts-data"] := _rule("deny_emr_security_configuration_encrypts_data", {"aws:emr/securityConfiguration:SecurityConfiguration"})

resource_rule_events("emr-security-configuration-encrypts-data", r) := aws_emr_security_configuration_encrypts_data(r)
