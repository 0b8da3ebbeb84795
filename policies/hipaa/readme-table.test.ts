import { expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { hipaaPolicies } from "./index";
import { renderRuleTable } from "./rule-table";
import { replaceRuleTable, ruleTableOf } from "./readme-table";

const README = path.resolve(__dirname, "..", "..", "README.md");

test("the README's rule table is the one rendered from the rules (run `npm run readme`)", () => {
  expect(ruleTableOf(fs.readFileSync(README, "utf8"))).toBe(renderRuleTable(hipaaPolicies));
});

test("replacing the table keeps everything around it", () => {
  const doc = "intro\n<!-- rules:begin -->\nold\n<!-- rules:end -->\noutro\n";
  const next = replaceRuleTable(doc, "| new |\n");
  expect(next).toBe("intro\n<!-- rules:begin -->\n| new |\n<!-- rules:end -->\noutro\n");
  expect(ruleTableOf(next)).toBe("| new |\n");
});
