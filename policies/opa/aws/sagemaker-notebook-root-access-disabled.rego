package phiguard

import rego.v1

# METADATA
# title: sagemaker-notebook-root-access-disabled
# description: "SageMaker notebook instances do not give their users root access (rootAccess: \"Disabled\"; the default is Enabled)."
warn_sagemaker_notebook_root_access_disabled contains msg if some msg in analyzer_messages("sagemaker-notebook-root-access-disabled")

aws_sagemaker_notebook_root_access_disabled(r) := array.concat(unk(access), [{"m": concat("", ["rootAccess is '", js_string_or(access, "Enabled"), "'; expected 'Disabled'."])} | access.k != "unk"; js_string_or(access, "Enabled") != "Disabled"]) if {
	access := aws_prop(r, ["rootAccess"])
}

catalog["sagemaker-notebook-root-access-disabled"] := _rule("warn_sagemaker_notebook_root_access_disabled", {aws_notebook})

resource_rule_events("sagemaker-notebook-root-access-disabled", r) := aws_sagemaker_notebook_root_access_disabled(r)
