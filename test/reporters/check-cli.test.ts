/**
 * `phiguard check` formats, outputs, several stacks, progress and `--rules`, and `phiguard report`,
 * run as the built binary (npm test builds dist/ first).
 */
import { afterAll, describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { runPhiguard } from "../support/cli";
import { parseReportTargets } from "../../cli/commands/formats";
import { loadRuleFiles } from "../../cli/commands/rules";
import { isPhiguardError } from "../../cli/errors";
import { hipaaPolicies } from "../../policies/hipaa";
import { writeTestProgram } from "../support/plan";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A program with a privileged pod only when the stack's config asks for it. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
if (new pulumi.Config().getBoolean("debugPod")) {
  new k8s.core.v1.Pod("debug", {
    metadata: { namespace: "clinical" },
    spec: { containers: [{ name: "shell", image: "busybox", securityContext: { privileged: true } }] },
  });
}
`;

/** Stacks `test` (with the pod: fails) and `prod` (without: passes). */
function project(): string {
  const dir = writeTestProgram(PROGRAM, { config: { debugPod: true } });
  fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), "config:\n  aws:region: us-east-1\n  test:debugPod: false\n");
  dirs.push(dir);
  return dir;
}

function expectOneLineError(run: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^phiguard: error: /);
  expect(run.stderr).toMatch(pattern);
}

describe("phiguard check --format", () => {
  test("several reports from one run: text on stdout, SARIF, JUnit, Markdown and JSON to files", () => {
    const dir = project();
    const out = (f: string) => path.join(dir, "reports", f);
    const run = runPhiguard([
      "check", dir, "--stack", "test",
      "-f", "text", "-f", `sarif=${out("phiguard.sarif")}`, "--format", `junit=${out("junit.xml")}`, "-f", `md=${out("summary.md")}`, "-f", `json=${out("phiguard.json")}`,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^phiguard: HIPAA check of test\/test/);
    const sarif = JSON.parse(fs.readFileSync(out("phiguard.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === "k8s-no-privileged-containers")).toBe(true);
    expect(XMLValidator.validate(fs.readFileSync(out("junit.xml"), "utf8"))).toBe(true);
    expect(fs.readFileSync(out("summary.md"), "utf8")).toMatch(/^## phiguard HIPAA check: ❌ FAIL/);
    expect(JSON.parse(fs.readFileSync(out("phiguard.json"), "utf8")).passed).toBe(false);
  });

  test("FORMAT=- sends that report to stdout", () => {
    const dir = project();
    const run = runPhiguard(["check", dir, "--stack", "prod", "-f", "junit=-", "-f", `text=${path.join(dir, "out.txt")}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(fs.readFileSync(path.join(dir, "out.txt"), "utf8")).toMatch(/^PASS: 0 mandatory/m);
  });

  test("usage errors name the problem, on one line, before any program runs", () => {
    const dir = project();
    expectOneLineError(runPhiguard(["check", dir, "-f", "sarif", "-f", "junit"]), /sarif and junit would all go to stdout; give all but one a file, e\.g\. --format junit=phiguard\.xml/);
    expectOneLineError(runPhiguard(["check", dir, "--plan", "x.json", "--stack", "a", "--stack", "b"]), /--plan gates one file/);
  });

  test("format and output combinations (parsed in-process)", () => {
    expect(parseReportTargets(undefined, undefined)).toEqual([{ format: "text" }]);
    expect(parseReportTargets("json", "out.json")).toEqual([{ format: "json", file: "out.json" }]);
    expect(parseReportTargets(["json"], ["-"])).toEqual([{ format: "json" }]);
    expect(parseReportTargets(["text", "sarif=a.sarif", "md=b.md", "xml=c.xml"], undefined)).toEqual([
      { format: "text" },
      { format: "sarif", file: "a.sarif" },
      { format: "markdown", file: "b.md" },
      { format: "junit", file: "c.xml" },
    ]);
    expect(parseReportTargets(["junit=-", "text=t.txt"], undefined)).toEqual([{ format: "junit" }, { format: "text", file: "t.txt" }]);
    const error = (f: string | string[], o?: string | string[]) => {
      try {
        parseReportTargets(f, o);
      } catch (e) {
        expect(isPhiguardError(e)).toBe(true);
        return (e as Error).message;
      }
      return "no error";
    };
    expect(error(["sarif", "json"], "x.json")).toMatch(/--output applies to a single --format/);
    expect(error("text", ["a.txt", "b.txt"])).toMatch(/--output is given 2 times/);
    expect(error("html=report.html")).toBe("Invalid values: --format html=report.html; expected text, json, sarif, junit or markdown, optionally as FORMAT=FILE (e.g. sarif=phiguard.sarif)");
    expect(error("yaml")).toMatch(/^Invalid values: --format yaml/);
    expect(error("sarif=")).toMatch(/expected a file after '='/);
    expect(error(["sarif=a", "junit=a"])).toMatch(/two reports would both be written to a/);
  });

  test("--help documents the formats, FORMAT=FILE, several stacks, --rules and --quiet", () => {
    const run = runPhiguard(["check", "--help"]);
    expect(run.code).toBe(0);
    for (const text of ["sarif", "junit", "markdown", "FORMAT=FILE", "Repeat to check several stacks", "--rules", "--quiet"]) {
      expect(run.stdout).toContain(text);
    }
  });
});

describe("phiguard check --stack a --stack b", () => {
  test("plans and evaluates each stack, reports each, exits with the worst code, one progress line per stack in CI", () => {
    const dir = project();
    const run = runPhiguard(["check", dir, "--stack", "test", "--stack", "prod"], { env: { CI: "true" } });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/^phiguard: HIPAA check of /gm)).toHaveLength(2);
    expect(run.stdout).toContain("HIPAA check of test/test");
    expect(run.stdout).toContain("HIPAA check of test/prod");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^phiguard: planning test \.\.\. 2 resources, \d+ findings?, \d+ mandatory \(\d+\.\d s\)$/);
    expect(lines[1]).toMatch(/^phiguard: planning prod \.\.\. 1 resource, 0 findings \(\d+\.\d s\)$/);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).not.toContain("\r");
  });

  test("every stack passing is exit 0; --quiet prints no progress; JSON has one report per stack", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "Pulumi.staging.yaml"), "config:\n  aws:region: us-west-2\n");
    const run = runPhiguard(["check", dir, "-s", "prod", "-s", "staging", "-f", "json", "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.passed).toBe(true);
    expect(report.stacks.map((s: { summary: { stack: string } }) => s.summary.stack)).toEqual(["prod", "staging"]);
  });

  test("a stack that cannot be planned ends the run with exit 2 (fail closed)", () => {
    const dir = project();
    const run = runPhiguard(["check", dir, "--stack", "prod", "--stack", "nope"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^phiguard: planning prod \.\.\. /m);
    expect(run.stderr).toMatch(/^phiguard: planning nope \.\.\. failed/m);
    expect(run.stderr).toMatch(/^phiguard: error: .*nope/m);
  });
});

describe("phiguard check --rules", () => {
  const RULE = `
module.exports.rules = [{
  name: "org-pods-need-team-label",
  description: "Pods carry a team label.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(3)(ii)(A)"],
  remediation: "Add metadata.labels.team.",
  validateResource: (args, report) => {
    if (args.type === "kubernetes:core/v1:Pod" && !(args.props.metadata && args.props.metadata.labels && args.props.metadata.labels.team)) {
      report("the pod has no team label.");
    }
  },
}];
`;

  test("runs the module's rules beside the pack", () => {
    const dir = project();
    const file = path.join(dir, "org-rules.js");
    fs.writeFileSync(file, RULE);
    const run = runPhiguard(["check", dir, "--stack", "test", "--rules", file, "-f", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("org-pods-need-team-label");
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("k8s-no-privileged-containers");
  });

  test("a module without rules, a malformed rule or a clash with the pack is an error naming the file", () => {
    const dir = project();
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expectOneLineError(runPhiguard(["check", dir, "--rules", write("none.js", "module.exports.x = 1;")]), /none\.js: exports no rules/);
    const error = (file: string) => {
      try {
        loadRuleFiles([file], hipaaPolicies);
      } catch (e) {
        expect(isPhiguardError(e)).toBe(true);
        return (e as Error).message;
      }
      return "no error";
    };
    expect(error(write("bad.js", `module.exports = { default: [{ name: "x", validateResource() {} }] };`))).toMatch(/bad\.js: rule 'x': hipaa must be a non-empty array/);
    expect(error(write("clash.js", RULE.replace("org-pods-need-team-label", "k8s-no-privileged-containers")))).toMatch(
      /clash\.js: rule 'k8s-no-privileged-containers' has the same name as a rule of the HIPAA pack/,
    );
    expect(error(path.join(dir, "missing.ts"))).toMatch(/missing\.ts: not found/);
    expect(error(write("throws.js", `throw new Error("boom");`))).toMatch(/throws\.js: cannot load the rules module: boom/);
    expect(error(write("single.js", RULE.replace("module.exports.rules = [", "module.exports.default = (").replace(/\];\s*$/, ");")))).toBe("no error");
  });
});

describe("waivers in every report", () => {
  test("a waived finding stays in the text, JSON, SARIF, JUnit, Markdown and HTML reports, marked with reason, approver and expiry", () => {
    const dir = project();
    fs.writeFileSync(
      path.join(dir, "phiguard.yaml"),
      [
        "waivers:",
        "  - rule: k8s-no-privileged-containers",
        "    resource: debug",
        "    reason: Break-glass debugging pod, removed after incident INC-4711 closes",
        "    approver: Dana Smith (CISO)",
        "    expires: 2099-12-31",
        "",
      ].join("\n"),
    );
    const out = (f: string) => path.join(dir, f);
    const run = runPhiguard([
      "check", dir, "--stack", "test",
      "-f", `text=${out("r.txt")}`, "-f", `json=${out("r.json")}`, "-f", `sarif=${out("r.sarif")}`, "-f", `junit=${out("r.xml")}`, "-f", `md=${out("r.md")}`,
    ]);
    expect(run.stderr).toBe("");
    const read = (f: string) => fs.readFileSync(out(f), "utf8");
    expect(read("r.txt")).toMatch(/WAIVED {2}k8s-no-privileged-containers {2}kubernetes:core\/v1:Pod "debug"/);
    expect(read("r.txt")).toContain("waived until 2099-12-31 by Dana Smith (CISO): Break-glass debugging pod");
    const json = JSON.parse(read("r.json"));
    expect(json.findings.find((f: { ruleId: string }) => f.ruleId === "k8s-no-privileged-containers").waiver).toMatchObject({ approver: "Dana Smith (CISO)", expires: "2099-12-31" });
    const sarif = JSON.parse(read("r.sarif"));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "k8s-no-privileged-containers");
    expect(result.suppressions).toEqual([expect.objectContaining({ kind: "external", status: "accepted", justification: expect.stringContaining("INC-4711") })]);
    expect(read("r.xml")).toMatch(/<skipped message="waived until 2099-12-31 by Dana Smith \(CISO\): Break-glass debugging pod/);
    expect(read("r.md")).toMatch(/☑️ waived \| <code>k8s-no-privileged-containers<\/code>/);
    const report = runPhiguard(["report", dir, "--stack", "test", "-o", out("r.html")]);
    expect(report.stderr).toBe(`phiguard: wrote ${out("r.html")}\n`);
    expect(read("r.html")).toMatch(/<table class="waivers">[\s\S]*Break-glass debugging pod, removed after incident INC-4711 closes<\/td><td>Dana Smith \(CISO\)<\/td><td>2099-12-31<\/td>/);
  });
});

describe("phiguard report", () => {
  test("writes phiguard-report.html by default, exit code as check", () => {
    const dir = project();
    const run = runPhiguard(["report", "--html", dir, "--stack", "test"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("phiguard: wrote phiguard-report.html\n");
    const html = fs.readFileSync(path.join(dir, "phiguard-report.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("k8s-no-privileged-containers");
  });

  test("-o - writes to stdout; the same plan gives the same bytes; --date is printed", () => {
    const dir = project();
    const a = runPhiguard(["report", dir, "--stack", "prod", "-o", "-", "--date", "2025-06-30"]);
    const b = runPhiguard(["report", dir, "--stack", "prod", "-o", "-", "--date", "2025-06-30"]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe("");
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("report date 2025-06-30");
  });

  test("usage errors", () => {
    const dir = project();
    expectOneLineError(runPhiguard(["report", dir, "--date", "yesterday"]), /--date 'yesterday' is not a date/);
    expectOneLineError(runPhiguard(["report", dir, "--no-html"]), /report writes HTML only/);
    const help = runPhiguard(["report", "--help"]);
    for (const text of ["--html", "--stack", "--plan", "--output", "--date"]) expect(help.stdout).toContain(text);
  });
});
