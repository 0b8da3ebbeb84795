/**
 * `phiguard check` and `phiguard plan`, run as the built binary: every exit code and the message
 * a person sees. (npm test builds dist/ first.)
 */
import { afterAll, describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { runPhiguard } from "../support/cli";
import { writeTestProgram, REPO_ROOT } from "../support/plan";

const dirs: string[] = [];
function program(source: string, config?: Record<string, unknown>): string {
  const dir = writeTestProgram(source, config ? { config } : {});
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const PRIVILEGED = `
import * as k8s from "@pulumi/kubernetes";
new k8s.core.v1.Pod("debug", {
  metadata: { namespace: "clinical" },
  spec: { containers: [{ name: "shell", image: "busybox", securityContext: { privileged: true } }] },
});
`;

/** A one-line error on stderr, naming what is wrong, and nothing on stdout. */
function expectOneLineError(run: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^phiguard: error: /);
  expect(run.stderr).toMatch(pattern);
}

describe("phiguard check", () => {
  test("passes (exit 0) a program with nothing to flag", () => {
    const run = runPhiguard(["check", program(`export const nothing = 1;`)]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^phiguard: HIPAA check of test\/test \(program: 1 resources, \d+ rules\)/);
    expect(run.stdout).toMatch(/^PASS: 0 mandatory/m);
    expect(run.code).toBe(0);
  });

  test("fails (exit 1) on a mandatory violation, saying what, where, why and how to fix", () => {
    const run = runPhiguard(["check", program(PRIVILEGED)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Mandatory violations (block the change)");
    expect(run.stdout).toMatch(/MANDATORY {2}k8s-no-privileged-containers {2}kubernetes:core\/v1:Pod "debug"/);
    expect(run.stdout).toMatch(/ {4}why {4}.*privileged/);
    expect(run.stdout).toMatch(/ {4}fix {4}.*SecureWorkload/);
    expect(run.stdout).toMatch(/ {4}hipaa {2}164\.312\(a\)\(1\)/);
    expect(run.stdout).toMatch(/^FAIL: [1-9]\d* mandatory/m);
  });

  test("an enforcement override in phiguard.yaml turns the violation advisory (exit 0)", () => {
    const dir = program(PRIVILEGED);
    fs.writeFileSync(path.join(dir, "phiguard.yaml"), "enforcement:\n  all: advisory\n");
    const run = runPhiguard(["check", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ADVISORY {2}k8s-no-privileged-containers/);
  });

  test("JSON output is stable, sorted and parseable", () => {
    const dir = program(PRIVILEGED);
    const first = runPhiguard(["check", dir, "--format", "json"]);
    const second = runPhiguard(["check", dir, "--format", "json"]);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe(second.stdout);
    const report = JSON.parse(first.stdout);
    expect(report.passed).toBe(false);
    expect(report.summary.mandatory).toBeGreaterThan(0);
    const keys = report.findings.map((f: { ruleId: string; urn: string | null; message: string }) => `${f.ruleId}\u0000${f.urn}\u0000${f.message}`);
    expect(keys).toEqual([...keys].sort());
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === "k8s-no-privileged-containers")).toMatchObject({
      level: "mandatory",
      kind: "violation",
      resourceType: "kubernetes:core/v1:Pod",
      resourceName: "debug",
      hipaa: ["164.312(a)(1)"],
    });
  });

  test("--engine rego and --engine both reach the same verdict as the TypeScript rules", () => {
    const dir = program(PRIVILEGED);
    const ts = JSON.parse(runPhiguard(["check", dir, "-f", "json"]).stdout);
    for (const engine of ["rego", "both"]) {
      const run = runPhiguard(["check", dir, "-f", "json", "--engine", engine]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).findings).toEqual(ts.findings);
    }
  });

  test("--output writes the report to a file and keeps stdout empty", () => {
    const dir = program(PRIVILEGED);
    const out = path.join(dir, "reports", "phiguard.json");
    const run = runPhiguard(["check", dir, "-f", "json", "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(JSON.parse(fs.readFileSync(out, "utf8")).passed).toBe(false);
  });

  test("a bad phiguard.yaml is exit 2, naming the file and the field", () => {
    const dir = program(`export const x = 1;`);
    fs.writeFileSync(path.join(dir, "phiguard.yaml"), "enforcment:\n  all: advisory\n");
    expectOneLineError(runPhiguard(["check", dir]), /phiguard\.yaml: \(document\): unknown key\(s\) enforcment/);
    fs.writeFileSync(path.join(dir, "phiguard.yaml"), "enforcement:\n  no-such-rule: advisory\n");
    expectOneLineError(runPhiguard(["check", dir]), /no-such-rule/);
    fs.writeFileSync(path.join(dir, "phiguard.yaml"), "timeoutSeconds: soon\n");
    expectOneLineError(runPhiguard(["check", dir]), /phiguard\.yaml: timeoutSeconds: /);
  });

  test("a missing plan file is exit 2, naming the file", () => {
    expectOneLineError(runPhiguard(["check", "--plan", "does-not-exist.json"]), /does-not-exist\.json: .*no such file/);
  });

  test("a directory without Pulumi.yaml is exit 2", () => {
    const empty = fs.mkdtempSync(path.join(REPO_ROOT, ".phiguard-test", "empty-"));
    dirs.push(empty);
    expectOneLineError(runPhiguard(["check", empty]), /Pulumi\.yaml: not found/);
  });

  test("a program that throws is exit 2 with the program's own message", () => {
    expectOneLineError(
      runPhiguard(["check", program(`throw new Error("imaging bucket name missing");`)]),
      /index\.ts: program failed: imaging bucket name missing/,
    );
  });

  test("an error inside an apply is a program failure too", () => {
    const source = `
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const known = pulumi.output("imaging");
new aws.s3.Bucket("c", { tags: { x: known.apply((): string => { throw new Error("tag lookup failed"); }) } });
`;
    const run = runPhiguard(["check", program(source)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tag lookup failed/);
  });

  test("an invoke with no offline answer is exit 2, naming the token", () => {
    const source = `
import * as aws from "@pulumi/aws";
const ami = aws.ec2.getAmiOutput({ mostRecent: true, owners: ["amazon"] });
new aws.ec2.LaunchTemplate("lt", { imageId: ami.id });
`;
    expectOneLineError(runPhiguard(["check", program(source)]), /invoke aws:ec2\/getAmi:getAmi: no offline answer; add it under "invokes:" in phiguard\.yaml/);
  });

  test("a missing required config value is exit 2, naming the key", () => {
    const source = `import * as pulumi from "@pulumi/pulumi"; new pulumi.Config().require("imagingBucket");`;
    expectOneLineError(runPhiguard(["check", program(source)]), /test:imagingBucket/);
  });

  test("a program that never finishes is exit 2 after --timeout", () => {
    expectOneLineError(
      runPhiguard(["check", program(`export = () => new Promise(() => {});`), "--timeout", "1"]),
      /did not finish within 1 s/,
    );
  });

  test("usage errors are exit 2", () => {
    expectOneLineError(runPhiguard(["check", "--no-such-flag"]), /Unknown argument/);
    expectOneLineError(runPhiguard(["check", "--format", "yaml"]), /Invalid values/);
    expectOneLineError(runPhiguard([]), /Give a command/);
  });

  test("--help documents every option", () => {
    const run = runPhiguard(["check", "--help"]);
    expect(run.code).toBe(0);
    for (const option of ["--stack", "--plan", "--from", "--format", "--output", "--config", "--timeout"]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain("Exit codes: 0 pass, 1 mandatory HIPAA violations, 2 usage, input or evaluation error.");
  });
});

describe("phiguard plan", () => {
  test("writes the Plan as JSON, with secrets marked and never printed, and source lines mapped", () => {
    const source = `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
const cfg = new pulumi.Config();
new aws.secretsmanager.SecretVersion("db", { secretId: "db", secretString: cfg.requireSecret("password") });
`;
    const dir = program(source, { password: { secure: "v1:c2VjcmV0LWNpcGhlcnRleHQ=" } });
    const run = runPhiguard(["plan", dir]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.schemaVersion).toBe(1);
    const secret = plan.resources.find((r: { name: string }) => r.name === "db");
    expect(secret.props.secretString).toEqual({ "@phiguard": "secret" });
    expect(secret.source).toMatchObject({ line: 4 });
    expect(secret.source.file).toMatch(/index\.ts$/);
    expect(run.stdout).not.toContain("c2VjcmV0");
    expect(plan.config["test:password"]).toEqual({ "@phiguard": "secret" });
  });

  test("a written plan can be gated later with check --plan", () => {
    const dir = program(PRIVILEGED);
    const planFile = path.join(dir, "plan.json");
    expect(runPhiguard(["plan", dir, "-o", planFile]).code).toBe(0);
    const run = runPhiguard(["check", "--plan", planFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("k8s-no-privileged-containers");
  });
});
