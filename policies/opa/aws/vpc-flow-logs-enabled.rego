package phiguard

import rego.v1

# METADATA
# title: vpc-flow-logs-enabled
# description: "Every VPC has a flow log (an aws.ec2.FlowLog whose vpcId comes from the VPC)."
stack_deny_vpc_flow_logs_enabled contains msg if some msg in analyzer_stack_messages("vpc-flow-logs-enabled")

# One attempt per VPC; nothing is read through the proxy.
net_vpc_flow_logs_enabled := [{"m": "no aws.ec2.FlowLog is attached to this VPC.", "urn": vpc.urn} |
	some vpc in resources_of_type(net_vpc_type)
	count(children_of(vpc, "aws:ec2/flowLog:FlowLog", "vpcId", [])) == 0
]

catalog["vpc-flow-logs-enabled"] := _rule("stack_deny_vpc_flow_logs_enabled", {"aws:ec2/vpc:Vpc"})

stack_rule_events("vpc-flow-logs-enabled") := net_vpc_flow_logs_enabled
