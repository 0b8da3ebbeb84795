import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../../cli/reporters/markdown";
import { renderReport } from "../../cli/reporters";
import { fixtureChecks, passingCheck } from "./fixture";

describe("Markdown reporter", () => {
  test("summary table, findings table and collapsible details (snapshot)", async () => {
    await expect(renderMarkdown(fixtureChecks())).toMatchFileSnapshot("__snapshots__/report.md");
  });

  test("several stacks, one passing (snapshot)", async () => {
    await expect(renderMarkdown([passingCheck(), ...fixtureChecks(["prod"])])).toMatchFileSnapshot("__snapshots__/report-two-stacks.md");
  });

  test("text from programs cannot inject HTML or Markdown", () => {
    const md = renderMarkdown(fixtureChecks());
    expect(md).not.toMatch(/<img|<script|<b>/);
    expect(md).toContain("&lt;img src=x onerror=&quot;alert('pwned')&quot;&gt;\\|\\*\\*bold\\*\\*\\|\\`tick\\`");
    // Every table row has the same number of cells as its header (no stray pipes).
    for (const table of md.split("\n\n").filter((b) => b.startsWith("| "))) {
      const counts = table.split("\n").map((row) => row.replace(/\\\|/g, "").split("|").length);
      expect(new Set(counts).size, table).toBe(1);
    }
  });

  test("lists at most maxFindings per stack and says how many more there are", () => {
    const md = renderMarkdown(fixtureChecks(), { maxFindings: 2 });
    expect(md).toContain("_4 more findings are not listed here; see the SARIF, JSON or HTML report._");
    expect(md).toContain("<summary>Details of 2 findings</summary>");
  });
});

describe("text reporter", () => {
  test("keeps its layout, marks waived findings (snapshot)", async () => {
    await expect(renderReport("text", fixtureChecks())).toMatchFileSnapshot("__snapshots__/report.txt");
  });

  test("several stacks: one report per stack, one after the other", () => {
    const text = renderReport("text", [passingCheck(), ...fixtureChecks(["prod"])]);
    expect(text.match(/^phiguard: HIPAA check of /gm)).toHaveLength(2);
    expect(text).toMatch(/^PASS: 0 mandatory/m);
    expect(text).toMatch(/^FAIL: /m);
  });
});

describe("JSON reporter", () => {
  test("one stack: the report as before, waived findings carry their waiver", () => {
    const report = JSON.parse(renderReport("json", fixtureChecks()));
    expect(Object.keys(report)).toEqual(["schemaVersion", "tool", "passed", "summary", "findings"]);
    const waived = report.findings.filter((f: { waiver?: unknown }) => f.waiver);
    expect(waived).toHaveLength(1);
    expect(waived[0].waiver).toMatchObject({ approver: 'Dana Smith (CISO) & "Security"', expires: "2099-12-31" });
    expect(report.findings.filter((f: { waiver?: unknown }) => !f.waiver).every((f: object) => !("waiver" in f))).toBe(true);
  });

  test("several stacks: { schemaVersion, tool, passed, stacks: [report, ...] }", () => {
    const report = JSON.parse(renderReport("json", [passingCheck(), ...fixtureChecks(["prod"])]));
    expect(report.passed).toBe(false);
    expect(report.stacks.map((s: { summary: { stack: string } }) => s.summary.stack)).toEqual(["dev", "prod"]);
  });
});
