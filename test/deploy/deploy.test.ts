/**
 * `phiguard preview | up | destroy`, tested up to the Automation API boundary: argument parsing,
 * the offline check running first and blocking on violations, the HIPAA pack attached to the
 * options handed to `stack.preview/up`, and the one-line error without a Pulumi CLI.
 */
import { afterAll, afterEach, describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import yargs from "yargs";
import type { DestroyOptions, PreviewOptions, UpOptions } from "@pulumi/pulumi/automation";
import { runCheck } from "../../cli/check";
import { deployCommand, deployOptionsFrom } from "../../cli/commands/deploy";
import { runDeploy, type DeployDeps, type DeployOperation } from "../../cli/deploy/run";
import { defaultPolicyPackDir } from "../../cli/deploy/pack";
import { findPulumiCli, MISSING_CLI_MESSAGE } from "../../cli/deploy/pulumi-cli";
import { isPhiguardError } from "../../cli/errors";
import { runPhiguard } from "../support/cli";
import { REPO_ROOT, writeTestProgram } from "../support/plan";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
afterEach(() => {
  process.exitCode = 0;
});

const PRIVILEGED = `
import * as k8s from "@pulumi/kubernetes";
new k8s.core.v1.Pod("debug", {
  metadata: { namespace: "clinical" },
  spec: { containers: [{ name: "shell", image: "busybox", securityContext: { privileged: true } }] },
});
`;
const CLEAN = `export const nothing = 1;`;

function program(source: string): string {
  const dir = writeTestProgram(source, { stack: "dev" });
  dirs.push(dir);
  return dir;
}

/** A policy pack folder (what the Pulumi CLI would load). */
function packDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-pack-"));
  fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: test pack\n");
  dirs.push(dir);
  return dir;
}

interface Recorder {
  readonly deps: DeployDeps;
  readonly calls: string[];
  readonly options: Partial<Record<DeployOperation, PreviewOptions | UpOptions | DestroyOptions>>;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Fake Automation API: records what would be called, in order. */
function recorder(behaviour: { fail?: Error; policyEvent?: "mandatory" | "warning" } = {}): Recorder {
  const calls: string[] = [];
  const options: Recorder["options"] = {};
  const stdout: string[] = [];
  const stderr: string[] = [];
  const operation = (op: DeployOperation) => async (opts: PreviewOptions | UpOptions | DestroyOptions) => {
    calls.push(`stack.${op}`);
    options[op] = opts;
    opts.onOutput?.(`pulumi ${op} output\n`);
    if (behaviour.policyEvent) {
      opts.onEvent?.({ sequence: 1, timestamp: 0, policyEvent: { message: "m", color: "never", policyName: "p", policyPackName: "phiguard-hipaa", policyPackVersion: "0.1.0", policyPackVersionTag: "0.1.0", enforcementLevel: behaviour.policyEvent } });
    }
    if (behaviour.fail) throw behaviour.fail;
    return { stdout: "", stderr: "", summary: {}, outputs: {}, changeSummary: {} } as never;
  };
  const deps: DeployDeps = {
    requirePulumi: () => {
      calls.push("requirePulumi");
      return "/usr/local/bin/pulumi";
    },
    selectStack: async (args) => {
      calls.push(`selectStack ${args.stackName} ${args.workDir}`);
      return { preview: operation("preview"), up: operation("up"), destroy: operation("destroy") };
    },
    check: async (o) => {
      calls.push(`check ${o.stack}`);
      return runCheck(o);
    },
    stdout: { write: (t: string) => stdout.push(t) },
    stderr: { write: (t: string) => stderr.push(t) },
  };
  return { deps, calls, options, stdout, stderr };
}

describe("preview and up", () => {
  test("run the offline check first, then select the stack and attach the HIPAA pack", async () => {
    const dir = program(CLEAN);
    const pack = packDir();
    for (const op of ["preview", "up"] as const) {
      const r = recorder();
      const outcome = await runDeploy({ operation: op, dir, stack: "dev", policyPackDir: pack, quiet: true }, r.deps);
      expect(outcome.exitCode).toBe(0);
      expect(r.calls).toEqual(["requirePulumi", "check dev", `selectStack dev ${dir}`, `stack.${op}`]);
      expect(r.options[op]).toMatchObject({ policyPacks: [pack], color: "auto" });
      expect(outcome.operationOptions).toBe(r.options[op]);
      expect(r.stdout).toEqual([`pulumi ${op} output\n`]);
    }
  });

  test("refuse to run Pulumi when the offline check has mandatory violations (exit 1, report on stdout)", async () => {
    const dir = program(PRIVILEGED);
    const r = recorder();
    const outcome = await runDeploy({ operation: "up", dir, stack: "dev", policyPackDir: packDir(), quiet: true }, r.deps);
    expect(outcome.exitCode).toBe(1);
    expect(r.calls).toEqual(["requirePulumi", "check dev"]);
    expect(r.stdout.join("")).toMatch(/MANDATORY {2}k8s-no-privileged-containers/);
    expect(r.stderr.join("")).toMatch(/^phiguard: refusing to run pulumi up on dev: \d+ mandatory HIPAA violations in the offline check \(listed above\); fix or waive them first\n$/);
  });

  test("the default pack is phiguard's policies/hipaa/pack; a folder without PulumiPolicy.yaml is an error naming it", async () => {
    expect(defaultPolicyPackDir()).toBe(path.join(REPO_ROOT, "policies", "hipaa", "pack"));
    const dir = program(CLEAN);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-nopack-"));
    dirs.push(empty);
    const r = recorder();
    await expect(runDeploy({ operation: "preview", dir, stack: "dev", policyPackDir: empty }, r.deps)).rejects.toThrow(
      /not a Pulumi policy pack \(no PulumiPolicy\.yaml\)/,
    );
    expect(r.calls).toEqual(["requirePulumi"]);
  });

  test("policy-pack configs are passed as absolute paths", async () => {
    const dir = program(CLEAN);
    const r = recorder();
    await runDeploy({ operation: "preview", dir, stack: "dev", policyPackDir: packDir(), policyPackConfigs: ["cfg.json"], quiet: true }, r.deps);
    expect(r.options.preview).toMatchObject({ policyPackConfigs: [path.resolve("cfg.json")] });
  });

  test("a mandatory policy violation reported by the engine during the operation is exit 1", async () => {
    const dir = program(CLEAN);
    const r = recorder({ policyEvent: "mandatory", fail: new Error("code: 255\n stdout: ...") });
    const outcome = await runDeploy({ operation: "preview", dir, stack: "dev", policyPackDir: packDir(), quiet: true }, r.deps);
    expect(outcome.exitCode).toBe(1);
    expect(r.stderr.join("")).toBe("phiguard: pulumi preview on dev reported 1 mandatory policy violation (listed above)\n");
  });

  test("any other failure of the operation is a one-line error (exit 2)", async () => {
    const dir = program(CLEAN);
    // What the Automation API throws: a CommandError whose message is the CLI's whole output.
    const commandError = Object.assign(new Error("code: 255\n stdout: Updating (dev)\n many lines\n stderr: \nerror: no credentials found\nmore\n err?: Error: exit 255\n"), {
      commandResult: { code: 255, stdout: "Updating (dev)\n many lines", stderr: "\nerror: no credentials found\nmore" },
    });
    for (const fail of [commandError, new Error(commandError.message)]) {
      const r = recorder({ fail });
      const error = await runDeploy({ operation: "up", dir, stack: "dev", policyPackDir: packDir(), quiet: true }, r.deps).catch((e: unknown) => e);
      expect(isPhiguardError(error)).toBe(true);
      expect((error as Error).message).toBe("pulumi up on dev failed: error: no credentials found (exit code 255)");
    }
  });

  test("the stack must be named (flag or phiguard.yaml); phiguard.yaml `stack` is used when present", async () => {
    const dir = program(CLEAN);
    const r = recorder();
    await expect(runDeploy({ operation: "preview", dir, policyPackDir: packDir() }, r.deps)).rejects.toThrow(
      /give the stack to preview with --stack <name> \(or `stack:` in phiguard\.yaml\)/,
    );
    fs.writeFileSync(path.join(dir, "phiguard.yaml"), "stack: dev\n");
    const ok = await runDeploy({ operation: "preview", dir, policyPackDir: packDir(), quiet: true }, recorder().deps);
    expect(ok.stackName).toBe("dev");
  });
});

describe("destroy", () => {
  test("no offline check, no pack: just stack.destroy", async () => {
    const dir = program(PRIVILEGED);
    const r = recorder();
    const outcome = await runDeploy({ operation: "destroy", dir, stack: "dev" }, r.deps);
    expect(outcome.exitCode).toBe(0);
    expect(r.calls).toEqual(["requirePulumi", `selectStack dev ${dir}`, "stack.destroy"]);
    expect(r.options.destroy).not.toHaveProperty("policyPacks");
  });
});

describe("argument parsing", () => {
  /** Runs `phiguard <argv>` through the real yargs command with the fake Automation API. */
  async function parse(op: DeployOperation, argv: string[], r: Recorder): Promise<number> {
    await yargs(argv).command(deployCommand(op, r.deps)).strict().fail((msg, err) => {
      throw err ?? new Error(msg);
    }).parseAsync();
    return Number(process.exitCode ?? 0);
  }

  test("dir, --stack, --policy-pack, --policy-pack-config, --color, --quiet reach the Automation API", async () => {
    const dir = program(CLEAN);
    const pack = packDir();
    const r = recorder();
    const code = await parse("preview", ["preview", dir, "-s", "dev", "--policy-pack", pack, "--policy-pack-config", "a.json", "--policy-pack-config", "b.json", "--no-color", "-q"], r);
    expect(code).toBe(0);
    expect(r.calls).toContain(`selectStack dev ${dir}`);
    expect(r.options.preview).toMatchObject({ policyPacks: [pack], policyPackConfigs: [path.resolve("a.json"), path.resolve("b.json")], color: "never" });
  });

  test("up and destroy need --yes; one stack only", () => {
    const base = { dir: "." };
    expect(() => deployOptionsFrom("up", { ...base, stack: "dev" })).toThrow(/phiguard up runs without a prompt; pass --yes/);
    expect(() => deployOptionsFrom("destroy", { ...base, stack: "dev" })).toThrow(/pass --yes to confirm that you mean to destroy the stack/);
    expect(deployOptionsFrom("up", { ...base, stack: "dev", yes: true })).toMatchObject({ operation: "up", stack: "dev" });
    expect(() => deployOptionsFrom("preview", { ...base, stack: ["a", "b"] as unknown as string })).toThrow(/preview operates on one stack/);
  });

  test("--rules adds the module's rules to the offline check", () => {
    const dir = program(CLEAN);
    const file = path.join(dir, "rules.js");
    fs.writeFileSync(file, `module.exports = { default: { name: "org-x", hipaa: ["164.312(b)"], remediation: "r", validateStack() {} } };`);
    const options = deployOptionsFrom("preview", { dir, stack: "dev", rules: file });
    expect(options.policies?.map((p) => p.name)).toContain("org-x");
    expect(options.policies!.length).toBeGreaterThan(50);
  });
});

describe("without the Pulumi CLI (the built binary, PATH without pulumi)", () => {
  test("preview, up and destroy say so in one line and exit 2", () => {
    const dir = program(CLEAN);
    const emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-path-"));
    dirs.push(emptyPath);
    expect(findPulumiCli({ PATH: emptyPath })).toBeUndefined();
    for (const argv of [["preview", dir, "--stack", "dev"], ["up", dir, "--stack", "dev", "--yes"], ["destroy", dir, "--stack", "dev", "--yes"]]) {
      const run = runPhiguard(argv, { env: { PATH: emptyPath } });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`phiguard: error: ${MISSING_CLI_MESSAGE}\n`);
    }
    expect(MISSING_CLI_MESSAGE).toMatch(/^the Pulumi CLI is not installed \(pulumi not found on PATH\); install it .* or gate offline with `phiguard check`$/);
    expect(MISSING_CLI_MESSAGE).not.toMatch(/https?:|www\.|\.(com|io|org|dev)\b/);
  });

  test("a pulumi executable on PATH is found", () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-bin-"));
    dirs.push(bin);
    fs.writeFileSync(path.join(bin, "pulumi"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findPulumiCli({ PATH: ["/nonexistent", bin].join(path.delimiter) })).toBe(path.join(bin, "pulumi"));
    fs.chmodSync(path.join(bin, "pulumi"), 0o644);
    expect(findPulumiCli({ PATH: bin })).toBeUndefined();
  });

  test("--help lists the deploy commands", () => {
    const run = runPhiguard(["--help"]);
    for (const c of ["report", "preview", "up", "destroy"]) expect(run.stdout).toContain(`phiguard ${c}`);
    const up = runPhiguard(["up", "--help"]);
    for (const o of ["--stack", "--yes", "--policy-pack", "--rules"]) expect(up.stdout).toContain(o);
  });
});
