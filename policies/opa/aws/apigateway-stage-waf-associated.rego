package phiguard

import rego.v1

# METADATA
# title: apigateway-stage-waf-associated
# description: "API Gateway REST API stages that are not private are protected by an AWS WAF web ACL (an aws.wafv2.WebAclAssociation whose resourceArn names the stage)."
stack_warn_apigateway_stage_waf_associated contains msg if some msg in analyzer_stack_messages("apigateway-stage-waf-associated")

apigateway_stage_waf_associated := units_outcome([_apigateway_stage_waf_associated(stage) | some stage in resources_of_type(edge_stage)])

_apigateway_stage_waf_associated(stage) := private.evs if {
	private := _apigateway_stage_waf_associated_private(stage)
	count(private.evs) > 0
} else := [] if {
	_apigateway_stage_waf_associated_private(stage).v
} else := [{"m": "no WAF web ACL is associated with this stage.", "urn": stage.urn} |
	count(children_of(stage, edge_web_acl_association, "resourceArn", ["stageName"])) == 0
]

# `apis.length > 0 && apis.every((api) => arrayOf(api.props.endpointConfiguration?.types).includes("PRIVATE"))`.
_apigateway_stage_waf_associated_private(stage) := {"evs": [], "v": false} if {
	count(edge_stage_rest_apis(stage)) == 0
} else := {"evs": hit.evs, "v": not_hit} if {
	hit := first_hit([_apigateway_stage_waf_associated_public(api) | some api in edge_stage_rest_apis(stage)])
	not_hit := hit.v == false
}

# {"evs", "v"}: true when the API's endpoint types do not include PRIVATE (`every` stops there).
_apigateway_stage_waf_associated_public(api) := {"evs": types.evs, "v": false} if {
	types := edge_array_of(edge_prop(api, ["endpointConfiguration", "types"]))
	count(types.evs) > 0
} else := {"evs": includes.evs, "v": includes.v == false} if {
	includes := first_hit([_apigateway_stage_waf_associated_is_private(item) | some item in edge_array_of(edge_prop(api, ["endpointConfiguration", "types"])).all])
}

_apigateway_stage_waf_associated_is_private(item) := {"evs": item_evs(item), "v": false} if {
	item.u
} else := {"evs": [], "v": item.v == "PRIVATE"}

catalog["apigateway-stage-waf-associated"] := _rule("stack_warn_apigateway_stage_waf_associated", {edge_stage})

stack_rule_events("apigateway-stage-waf-associated") := apigateway_stage_waf_associated
