#!/usr/bin/env node
"use strict";
// Rewrites the README's rule table from the rules themselves (run `npm run build` first).
const fs = require("node:fs");
const path = require("node:path");
const { hipaaPolicies } = require("../dist/policies/hipaa");
const { renderRuleTable } = require("../dist/policies/hipaa/rule-table");
const { replaceRuleTable } = require("../dist/policies/hipaa/readme-table");

const readme = path.join(__dirname, "..", "README.md");
fs.writeFileSync(readme, replaceRuleTable(fs.readFileSync(readme, "utf8"), renderRuleTable(hipaaPolicies)));
console.log(`README.md: rule table rewritten (${hipaaPolicies.length} rules)`);
