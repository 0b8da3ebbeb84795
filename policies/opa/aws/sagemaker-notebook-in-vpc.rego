package phiguard

import rego.v1

# METADATA
# title: sagemaker-notebook-in-vpc
# description: "SageMaker notebook instances run in a subnet of the workload's VPC (subnetId), so their traffic is governed by security groups and flow-logged."
deny_sagemaker_notebook_in_vpc contains msg if some msg in analyzer_messages("sagemaker-notebook-in-vpc")

aws_sagemaker_notebook_in_vpc(r) := aws_unless_has_value(r, [], "subnetId", "no subnetId is set, so the notebook runs in a SageMaker-managed network outside the VPC.")

catalog["sagemaker-notebook-in-vpc"] := _rule("deny_sagemaker_notebook_in_vpc", {aws_notebook})

resource_rule_events("sagemaker-notebook-in-vpc", r) := aws_sagemaker_notebook_in_vpc(r)
