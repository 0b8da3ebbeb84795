package phiguard

import rego.v1

# METADATA
# title: sagemaker-notebook-encrypted-with-kms
# description: "SageMaker notebook instances encrypt their storage volume with a customer managed KMS key (kmsKeyId)."
deny_sagemaker_notebook_encrypted_with_kms contains msg if some msg in analyzer_messages("sagemaker-notebook-encrypted-with-kms")

aws_sagemaker_notebook_encrypted_with_kms(r) := aws_customer_key(r, "kmsKeyId", ".")

catalog["sagemaker-notebook-encrypted-with-kms"] := _rule("deny_sagemaker_notebook_encrypted_with_kms", {aws_notebook})

resource_rule_events("sagemaker-notebook-encrypted-with-kms", r) := aws_sagemaker_notebook_encrypted_with_kms(r)
