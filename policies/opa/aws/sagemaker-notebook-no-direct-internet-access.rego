package phiguard

import rego.v1

# METADATA
# title: sagemaker-notebook-no-direct-internet-access
# description: "SageMaker notebook instances have no direct internet access (directInternetAccess: \"Disabled\"; the default is Enabled)."
deny_sagemaker_notebook_no_direct_internet_access contains msg if some msg in analyzer_messages("sagemaker-notebook-no-direct-internet-access")

aws_sagemaker_notebook_no_direct_internet_access(r) := array.concat(unk(access), [{"m": concat("", ["directInternetAccess is '", js_string_or(access, "Enabled"), "'; expected 'Disabled'."])} | access.k != "unk"; js_string_or(access, "Enabled") != "Disabled"]) if {
	access := aws_prop(r, ["directInternetAccess"])
}

catalog["sagemaker-notebook-no-direct-internet-access"] := _rule("deny_sagemaker_notebook_no_direct_internet_access", {aws_notebook})

resource_rule_events("sagemaker-notebook-no-direct-internet-access", r) := aws_sagemaker_notebook_no_direct_internet_access(r)
