/**
 * The examples, run as a user would: the consumer project type-checks against phiguard's types and
 * passes `phiguard check` (the built binary); the custom rule loads with `--rules` and flags what it
 * should; the CI workflow uses flags the CLI accepts.
 *
 * The consumer's `node_modules/phiguard` is a symlink to the repository root (no `npm install`):
 * see consumer/README.md.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { XMLParser } from "fast-xml-parser";
import { runPhiguard } from "../test/support/cli";
import { REPO_ROOT, writeTestProgram } from "../test/support/plan";

const CONSUMER = path.join(__dirname, "consumer");
const RULE = path.join(__dirname, "custom-rule", "object-lock-90-days.ts");
const LINK = path.join(CONSUMER, "node_modules", "phiguard");
const dirs: string[] = [];

beforeAll(() => {
  fs.mkdirSync(path.dirname(LINK), { recursive: true });
  fs.rmSync(LINK, { recursive: true, force: true });
  fs.symlinkSync(path.relative(path.dirname(LINK), REPO_ROOT), LINK, "dir");
});
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("examples/consumer", () => {
  test("builds: index.ts type-checks against phiguard's published types", () => {
    const tsc = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(CONSUMER, "tsconfig.json")], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 150_000);

  test("passes phiguard check (exit 0), importing the components from 'phiguard'", () => {
    const run = runPhiguard(["check", CONSUMER]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^phiguard: HIPAA check of clinic-records\/dev \(program: \d+ resources, \d+ rules\)/);
    expect(run.stdout).toMatch(/^PASS: 0 mandatory, 0 advisory/m);
    expect(run.code).toBe(0);
  });

  test("its SARIF points at the lines of index.ts that declared the components", () => {
    const run = runPhiguard(["check", CONSUMER, "-f", "sarif"]);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout);
    const source = fs.readFileSync(path.join(CONSUMER, "index.ts"), "utf8").split("\n");
    for (const result of log.runs[0].results) {
      const at = result.locations[0].physicalLocation;
      expect(at.artifactLocation).toEqual({ uri: "examples/consumer/index.ts", uriBaseId: "%SRCROOT%" });
      expect(source[at.region.startLine - 1]).toMatch(/new (EnvelopeKey|PhiBucket|PhiTable|BackupPlan)\(/);
    }
  });
});

describe("examples/custom-rule", () => {
  test("loads with --rules beside the pack and passes on the consumer (90-day Object Lock)", () => {
    const run = runPhiguard(["check", CONSUMER, "--rules", RULE, "-f", "junit"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "testsuite" || n === "testcase" }).parse(run.stdout);
    const suite = xml.testsuites.testsuite.find((s: { "@_name": string }) => s["@_name"] === "org-phi-object-lock-at-least-90-days");
    expect(suite, "the custom rule's suite").toBeDefined();
    expect(suite.testcase.length).toBeGreaterThanOrEqual(2); // the imaging bucket and its replica
    expect(suite["@_failures"]).toBe("0");
  });

  test("flags a PHI bucket locked for the 35-day default", () => {
    const dir = writeTestProgram(
      `import { EnvelopeKey, PhiBucket } from "../../components";
const key = new EnvelopeKey("phi", { regions: ["us-east-1"], viaServices: ["s3"] });
new PhiBucket("records", { key, skipReplication: true, disableAccessLogging: true });
`,
      { config: { "phiguard:owner": "clinical-platform" } },
    );
    dirs.push(dir);
    const run = runPhiguard(["check", dir, "--rules", RULE, "-f", "json"]);
    const report = JSON.parse(run.stdout);
    const mine = report.findings.filter((f: { ruleId: string }) => f.ruleId === "org-phi-object-lock-at-least-90-days");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: "mandatory",
      resourceName: "records-object-lock",
      message: expect.stringContaining("default retention is 35 days; the organisation requires at least 90."),
      hipaa: ["164.312(c)(1)", "164.308(a)(7)(ii)(A)"],
    });
    expect(run.code).toBe(1);
  });
});

describe("examples/ci/github-actions.yml", () => {
  const workflow = parseYaml(fs.readFileSync(path.join(__dirname, "ci", "github-actions.yml"), "utf8"));
  const steps: { uses?: string; run?: string; with?: Record<string, string> }[] = workflow.jobs["hipaa-gate"].steps;

  test("gates with phiguard check, uploads SARIF and writes the Markdown report to the step summary", () => {
    expect(workflow.permissions["security-events"]).toBe("write");
    const gate = steps.find((s) => s.run?.includes("phiguard check"))!;
    expect(gate.run).toMatch(/--format sarif=phiguard\.sarif/);
    expect(gate.run).toMatch(/--format markdown=phiguard\.md/);
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.with?.sarif_file).toBe("phiguard.sarif");
    expect(steps.some((s) => s.run === 'cat phiguard.md >> "$GITHUB_STEP_SUMMARY"')).toBe(true);
  });

  test("its phiguard command lines are accepted by the CLI", () => {
    const gate = steps.find((s) => s.run?.includes("phiguard check"))!.run!;
    const args = gate.replace(/\\\n/g, " ").trim().split(/\s+/).slice(2); // after "npx phiguard"
    const dir = fs.mkdtempSync(path.join(REPO_ROOT, ".phiguard-test", "ci-"));
    dirs.push(dir);
    // Same flags against the consumer (which has one stack, dev).
    const withDev = args.map((a) => (a === "staging" || a === "prod" ? "dev" : a));
    const run = runPhiguard(["check", CONSUMER, ...withDev.slice(1)], { cwd: dir, env: { CI: "true" } });
    expect(run.code).toBe(0);
    for (const f of ["phiguard.sarif", "phiguard-junit.xml", "phiguard.md"]) expect(fs.existsSync(path.join(dir, f))).toBe(true);
  });
});
