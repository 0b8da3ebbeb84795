package phiguard

import rego.v1

# METADATA
# title: network-acl-no-public-admin-ingress
# description: "Network ACLs do not allow inbound traffic from 0.0.0.0/0 or ::/0 to the remote administration ports 22 and 3389."
warn_network_acl_no_public_admin_ingress contains msg if some msg in analyzer_messages("network-acl-no-public-admin-ingress")

# Every inbound allow entry is read before any is reported.
aws_network_acl_no_public_admin_ingress(r) := net_open_ports_events(net_network_acl_ingress(r), [22, 3389], "")

catalog["network-acl-no-public-admin-ingress"] := _rule("warn_network_acl_no_public_admin_ingress", {"aws:ec2/networkAcl:NetworkAcl", "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "aws:ec2/networkAclRule:NetworkAclRule"})

resource_rule_events("network-acl-no-public-admin-ingress", r) := aws_network_acl_no_public_admin_ingress(r)
