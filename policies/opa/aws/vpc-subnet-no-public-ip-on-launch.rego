package phiguard

import rego.v1

# METADATA
# title: vpc-subnet-no-public-ip-on-launch
# description: "Subnets do not assign public IPv4 addresses to the network interfaces launched in them."
deny_vpc_subnet_no_public_ip_on_launch contains msg if some msg in analyzer_messages("vpc-subnet-no-public-ip-on-launch")

aws_vpc_subnet_no_public_ip_on_launch(r) := aws_when_equal(r, ["mapPublicIpOnLaunch"], true, "mapPublicIpOnLaunch is true: every instance launched here gets a public IP.")

catalog["vpc-subnet-no-public-ip-on-launch"] := _rule("deny_vpc_subnet_no_public_ip_on_launch", {"aws:ec2/subnet:Subnet"})

resource_rule_events("vpc-subnet-no-public-ip-on-launch", r) := aws_vpc_subnet_no_public_ip_on_launch(r)
