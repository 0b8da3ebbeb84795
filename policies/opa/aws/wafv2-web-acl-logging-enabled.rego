package phiguard

import rego.v1

# METADATA
# title: wafv2-web-acl-logging-enabled
# description: "AWS WAF web ACLs log the requests they inspect (an aws.wafv2.WebAclLoggingConfiguration whose resourceArn names the web ACL)."
stack_deny_wafv2_web_acl_logging_enabled contains msg if some msg in analyzer_stack_messages("wafv2-web-acl-logging-enabled")

wafv2_web_acl_logging_enabled := [{"m": "no logging configuration is attached to this web ACL.", "urn": acl.urn} |
	some acl in resources_of_type(edge_web_acl)
	count(children_of(acl, edge_web_acl_logging, "resourceArn", [])) == 0
]

catalog["wafv2-web-acl-logging-enabled"] := _rule("stack_deny_wafv2_web_acl_logging_enabled", {edge_web_acl})

stack_rule_events("wafv2-web-acl-logging-enabled") := wafv2_web_acl_logging_enabled
