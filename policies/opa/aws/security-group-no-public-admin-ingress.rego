package phiguard

import rego.v1

# METADATA
# title: security-group-no-public-admin-ingress
# description: "Security groups do not allow inbound traffic from 0.0.0.0/0 or ::/0 to remote administration or database ports (20, 21, 22, 23, 445, 1433, 1521, 2375, 2376, 3306, 3389, 4333, 5432, 5439, 5985, 5986, 6379, 9200, 11211, 27017)."
deny_security_group_no_public_admin_ingress contains msg if some msg in analyzer_messages("security-group-no-public-admin-ingress")

# Every inbound permission is read before any is reported.
aws_security_group_no_public_admin_ingress(r) := net_open_ports_events(net_security_group_ingress(r), net_admin_ports, "admin/database ")

catalog["security-group-no-public-admin-ingress"] := _rule("deny_security_group_no_public_admin_ingress", {"aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"})

resource_rule_events("security-group-no-public-admin-ingress", r) := aws_security_group_no_public_admin_ingress(r)
