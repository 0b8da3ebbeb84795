package phiguard

import rego.v1

# METADATA
# title: alb-waf-associated
# description: "Internet-facing application load balancers are protected by an AWS WAF web ACL (an aws.wafv2.WebAclAssociation whose resourceArn names the load balancer)."
stack_warn_alb_waf_associated contains msg if some msg in analyzer_stack_messages("alb-waf-associated")

alb_waf_associated := units_outcome([_alb_waf_associated(lb) | some lb in resources_of_types(aws_v2_load_balancers)])

_alb_waf_associated(lb) := unk(type) if {
	type := edge_prop(lb, ["loadBalancerType"])
	type.k == "unk"
} else := [] if {
	not edge_lb_type_is(edge_prop(lb, ["loadBalancerType"]), "application")
} else := unk(internal) if {
	internal := edge_prop(lb, ["internal"])
	internal.k == "unk"
} else := [] if {
	is_val(edge_prop(lb, ["internal"]), true)
} else := [{"m": "no WAF web ACL is associated with this internet-facing application load balancer.", "urn": lb.urn} |
	count(children_of(lb, edge_web_acl_association, "resourceArn", [])) == 0
]

catalog["alb-waf-associated"] := _rule("stack_warn_alb_waf_associated", aws_v2_load_balancers)

stack_rule_events("alb-waf-associated") := alb_waf_associated
