package phiguard

import rego.v1

# METADATA
# title: sagemaker-endpoint-configuration-encrypted-with-kms
# description: "SageMaker endpoint configurations encrypt the ML storage volumes of their endpoints with a customer managed KMS key (kmsKeyArn)."
deny_sagemaker_endpoint_configuration_encrypted_with_kms contains msg if some msg in analyzer_messages("sagemaker-endpoint-configuration-encrypted-with-kms")

aws_sagemaker_endpoint_configuration_encrypted_with_kms(r) := aws_customer_key(r, "kmsKeyArn", ".")

catalog["sagemaker-endpoint-configuration-encrypted-with-kms"] := _rule("deny_sagemaker_endpoint_configuration_encrypted_with_kms", {"aws:sagemaker/endpointConfiguration:EndpointConfiguration"})

resource_rule_events("sagemaker-endpoint-configuration-encrypted-with-kms", r) := aws_sagemaker_endpoint_configuration_encrypted_with_kms(r)
