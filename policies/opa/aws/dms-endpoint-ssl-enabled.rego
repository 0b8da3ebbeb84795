package phiguard

import rego.v1

# METADATA
# title: dms-endpoint-ssl-enabled
# description: "DMS endpoints of database engines connect with TLS (sslMode require, verify-ca or verify-full; the default is none)."
deny_dms_endpoint_ssl_enabled contains msg if some msg in analyzer_messages("dms-endpoint-ssl-enabled")

# `SSL_ENGINES`: engines whose connections DMS encrypts according to sslMode (others are not
# checked: args.notApplicable).
_dms_endpoint_ssl_enabled_engines := {
	"aurora", "aurora-postgresql", "db2", "db2-zos", "docdb", "mariadb", "mongodb", "mysql", "oracle",
	"postgres", "redshift", "sqlserver", "sybase",
}

aws_dms_endpoint_ssl_enabled(r) := unk(engine) if {
	engine := aws_prop(r, ["engineName"])
	engine.k == "unk"
} else := ds_string_or(aws_prop(r, ["engineName"]), "").evs if {
	count(ds_string_or(aws_prop(r, ["engineName"]), "").evs) > 0
} else := _dms_endpoint_ssl_enabled_mode(r, engine) if {
	engine := lower(js_string_or(aws_prop(r, ["engineName"]), ""))
	engine in _dms_endpoint_ssl_enabled_engines
} else := []

_dms_endpoint_ssl_enabled_mode(r, engine) := array.concat(array.concat(unk(mode), text.evs), [{"m": concat("", ["sslMode is 'none', so the ", engine, " connection is not encrypted."])} | mode.k != "unk"; lower(text.t) == "none"]) if {
	mode := aws_prop(r, ["sslMode"])
	text := ds_string_or(mode, "none")
}

catalog["dms-endpoint-ssl-enabled"] := _rule("deny_dms_endpoint_ssl_enabled", {"aws:dms/endpoint:Endpoint"})

resource_rule_events("dms-endpoint-ssl-enabled", r) := aws_dms_endpoint_ssl_enabled(r)
