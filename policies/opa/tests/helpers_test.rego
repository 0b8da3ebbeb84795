# Helpers of the Rego pack's unit tests (`opa test policies/opa`).
package phiguard

import rego.v1

t_unknown := {"@phiguard": "unknown"}

t_secret := {"@phiguard": "secret"}

t_res(type, name, props) := {
	"urn": concat("", ["urn:pulumi:test::test::", type, "::", name]),
	"type": type,
	"name": name,
	"props": props,
	"dependencies": [],
	"propertyDependencies": {},
}

t_urn(type, name) := concat("", ["urn:pulumi:test::test::", type, "::", name])

t_plan(resources) := {"schemaVersion": 1, "source": "program", "project": "test", "stack": "test", "resources": resources}

# The findings of one rule over a plan, as [kind, resource name, message] (sorted).
t_verdicts(id, resources) := sort([[f.kind, _name_of(f.urn), f.message] |
	some f in findings with input as t_plan(resources)
	f.ruleId == id
])

_name_of(urn) := parts[count(parts) - 1] if parts := split(urn, "::")

# The same resource as Pulumi's OPA analyzer presents it to a deny_/warn_ rule.
t_analyzer_input(r) := object.union(r.props, {
	"type": r.type, "urn": r.urn, "name": r.name, "__name": r.name,
	"__type": r.type, "__urn": r.urn,
	"properties": r.props, "__properties": r.props,
	"options": {}, "__options": {},
	"provider": {}, "__provider": {},
})

t_deployment(name, pod) := t_res("kubernetes:apps/v1:Deployment", name, {
	"metadata": {"namespace": "app"},
	"spec": {"selector": {"matchLabels": {"app": name}}, "template": {"metadata": {"labels": {"app": name}}, "spec": pod}},
})

t_digest := "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

t_image := concat("", ["123456789012.dkr.ecr.us-east-1.amazonaws.com/app@", t_digest])

# A container and a pod spec every pod-spec rule accepts; tests change one thing.
# A shallow merge: `b`'s keys replace `a`'s.
t_merge(a, b) := object.union(object.remove(a, object.keys(b)), b)

t_container(extra) := t_merge(
	{
		"name": "app",
		"image": t_image,
		"securityContext": {
			"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "runAsNonRoot": true,
			"capabilities": {"drop": ["ALL"]},
		},
		"resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}},
		"livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}},
		"readinessProbe": {"httpGet": {"path": "/healthz", "port": 8080}},
	},
	extra,
)

t_pod(extra) := t_merge(
	{
		"serviceAccountName": "app",
		"automountServiceAccountToken": false,
		"securityContext": {"runAsNonRoot": true, "runAsUser": 10001, "seccompProfile": {"type": "RuntimeDefault"}},
		"containers": [t_container({})],
	},
	extra,
)
