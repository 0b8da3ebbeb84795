#!/usr/bin/env node
"use strict";
// Rewrites policies/opa/config-schema.json (the OPA analyzer's per-rule configuration schema) from
// the TypeScript twins of the rules the Rego pack declares (run `npm run build` first).
const fs = require("node:fs");
const path = require("node:path");
const { hipaaPolicies } = require("../dist/policies/hipaa");

const pack = path.join(__dirname, "..", "policies", "opa");
const regoFiles = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return regoFiles(full);
    return e.name.endsWith(".rego") && !e.name.endsWith("_test.rego") ? [full] : [];
  });

// catalog["<rule ID>"] := _rule("<analyzer rule>", ...)
const analyzerRule = new Map();
for (const file of regoFiles(pack)) {
  for (const m of fs.readFileSync(file, "utf8").matchAll(/^catalog\["([a-z0-9-]+)"\] := _rule\("(\w+)"/gm)) analyzerRule.set(m[1], m[2]);
}
const schemas = {};
for (const policy of hipaaPolicies) {
  const rego = analyzerRule.get(policy.name);
  if (rego && policy.configSchema) schemas[rego] = policy.configSchema;
}
const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(path.join(pack, "config-schema.json"), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`config-schema.json: ${Object.keys(sorted).length} configurable rules of ${analyzerRule.size}`);
