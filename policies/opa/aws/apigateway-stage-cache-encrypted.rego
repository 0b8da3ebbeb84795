package phiguard

import rego.v1

# METADATA
# title: apigateway-stage-cache-encrypted
# description: "API Gateway REST API stages that cache responses encrypt the cache: with cacheClusterEnabled, a MethodSettings for methodPath '*/*' and every MethodSettings that enables caching set cacheDataEncrypted: true. (Unlike cdk-nag, caching itself is not required: an uncached PHI response is not a risk.)"
stack_deny_apigateway_stage_cache_encrypted contains msg if some msg in analyzer_stack_messages("apigateway-stage-cache-encrypted")

apigateway_stage_cache_encrypted := units_outcome([_apigateway_stage_cache_encrypted(stage, edge_stage_method_settings(stage)) | some stage in resources_of_type(edge_stage)])

_apigateway_stage_cache_encrypted(stage, settings) := evs if {
	evs := first_evs([{"evs": unk(edge_prop(ms, ["settings", "cachingEnabled"]))} | some ms in settings])
	count(evs) > 0
} else := unk(cluster) if {
	cluster := edge_prop(stage, ["cacheClusterEnabled"])
	cluster.k == "unk"
} else := [] if {
	not is_val(edge_prop(stage, ["cacheClusterEnabled"]), true)
	count(_apigateway_stage_cache_encrypted_caching(settings)) == 0
} else := array.concat(
	[e | some ms in _apigateway_stage_cache_encrypted_caching(settings); some e in _apigateway_stage_cache_encrypted_unencrypted(stage, ms)],
	_apigateway_stage_cache_encrypted_all(stage, settings),
)

_apigateway_stage_cache_encrypted_caching(settings) := [ms | some ms in settings; is_val(edge_prop(ms, ["settings", "cachingEnabled"]), true)]

_apigateway_stage_cache_encrypted_unencrypted(stage, ms) := unk(encrypted) if {
	encrypted := edge_prop(ms, ["settings", "cacheDataEncrypted"])
	encrypted.k == "unk"
} else := [] if {
	is_val(edge_prop(ms, ["settings", "cacheDataEncrypted"]), true)
} else := array.concat(path.evs, [{"m": concat("", ["method settings '", ms.name, "' (methodPath '", path.t, "') cache responses without cacheDataEncrypted."]), "urn": stage.urn} | count(path.evs) == 0]) if {
	path := edge_string(edge_prop(ms, ["methodPath"]))
}

_apigateway_stage_cache_encrypted_all(stage, settings) := [] if {
	not is_val(edge_prop(stage, ["cacheClusterEnabled"]), true)
} else := all.evs if {
	all := edge_all_methods(settings)
	count(all.evs) > 0
} else := array.concat(hit.evs, [{"m": "the stage has a cache cluster, but no MethodSettings for methodPath '*/*' sets cacheDataEncrypted: true.", "urn": stage.urn} |
	count(hit.evs) == 0
	not hit.v
]) if {
	hit := first_hit([_apigateway_stage_cache_encrypted_encrypts(ms) | some ms in edge_all_methods(settings).v])
}

_apigateway_stage_cache_encrypted_encrypts(ms) := {"evs": unk(encrypted), "v": is_val_flag(encrypted, true)} if {
	encrypted := edge_prop(ms, ["settings", "cacheDataEncrypted"])
}

catalog["apigateway-stage-cache-encrypted"] := _rule("stack_deny_apigateway_stage_cache_encrypted", {edge_stage})

stack_rule_events("apigateway-stage-cache-encrypted") := apigateway_stage_cache_encrypted
