package phiguard

import rego.v1

# METADATA
# title: ec2-instance-profile-attached
# description: "EC2 instances attach an IAM instance profile, so software on them uses short-lived role credentials instead of stored access keys. (Launch templates are not checked: EKS managed node groups, such as `SecureCluster`'s, reject templates that set a profile and attach the node role themselves.)"
warn_ec2_instance_profile_attached contains msg if some msg in analyzer_messages("ec2-instance-profile-attached")

# Nothing is read through the proxy; an instance with a launch template and no profile takes it
# from the template (notApplicable).
aws_ec2_instance_profile_attached(r) := [{"m": concat("", ["the ", net_launch_kind(r.type), " has no IAM instance profile."])} |
	not aws_has_value(r.props, "iamInstanceProfile")
	not aws_has_value(r.props, "launchTemplate")
]

catalog["ec2-instance-profile-attached"] := _rule("warn_ec2_instance_profile_attached", {"aws:ec2/instance:Instance"})

resource_rule_events("ec2-instance-profile-attached", r) := aws_ec2_instance_profile_attached(r)
