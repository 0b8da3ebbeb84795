import { describe, expect, it } from "vitest";
import type { PhiguardPolicy } from "../engine/rule";
import { awsRules, hipaaPolicies } from "./index";
import { markdownCell, renderRuleTable } from "./rule-table";

const resourceRule: PhiguardPolicy = {
  name: "b-rule",
  description: "d",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(e)(1)", "164.312(a)(2)(iv)"],
  remediation: "Use `PhiBucket` | or\nset `x`.",
  resourceTypes: ["aws:s3/bucket:Bucket"],
  validateResource: () => undefined,
};
const stackRule: PhiguardPolicy = {
  name: "a-rule",
  description: "d",
  hipaa: ["164.312(b)"],
  remediation: "Add a flow log.",
  validateStack: () => undefined,
};

describe("renderRuleTable", () => {
  it("renders one sorted row per rule, cells escaped, paragraphs in regulation order", () => {
    expect(renderRuleTable([resourceRule, stackRule])).toBe(
      [
        "| Rule | Level | HIPAA | Resource types | Fix |",
        "|---|---|---|---|---|",
        "| `a-rule` (stack) | advisory | 164.312(b) | any | Add a flow log. |",
        "| `b-rule` | mandatory | 164.312(a)(2)(iv), 164.312(e)(1) | `aws:s3/bucket:Bucket` | Use `PhiBucket` \\| or set `x`. |",
        "",
      ].join("\n"),
    );
  });

  it("renders the whole pack, one row per rule, every row with five cells", () => {
    const table = renderRuleTable(hipaaPolicies);
    const rows = table.trimEnd().split("\n").slice(2);
    expect(rows).toHaveLength(hipaaPolicies.length);
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|").length).toBe(7);
    for (const rule of awsRules) expect(table).toContain(`| \`${rule.name}\``);
  });

  it("escapes cells", () => {
    expect(markdownCell("a | b\n  c")).toBe("a \\| b c");
  });
});
