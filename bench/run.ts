/**
 * The benchmark: `phiguard check` (plan + the TypeScript HIPAA pack + the text report) against an
 * equivalent AWS CDK app synthesised with cdk-nag's HIPAA pack and against the Pulumi SDK's vanilla
 * `setMocks` runtime, on the same generated estates, in one run, interleaved, each measurement a
 * fresh process (cold start), wall time and peak RSS from GNU time. `phiguard plan` alone is timed
 * too. Writes bench/RESULTS.md. Run through bench/run.sh (it compiles this file and installs bench/cdk).
 *
 *   node bench/out/js/run.js [--sizes 1000,5000] [--runs 3] [--results bench/RESULTS.md] [--no-profile]
 *                            [--tools check,check-no-cache,plan,vanilla,cdk,cdk-default]
 *   node bench/out/js/run.js --report-only     re-render RESULTS.md from bench/out/measurements.json
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FOLDED, MAPPED, MAX_STACK_RESOURCES, planCdk, writeCdkApp } from "./estate/cdk";
import { planEstate, renderEstate, writeEstate, type Estate } from "./estate/generate";
import { BUCKETS, summariseProfile } from "./profile";

const BENCH = path.resolve(__dirname, "..", "..");
const ROOT = path.resolve(BENCH, "..");
const OUT = path.join(BENCH, "out");
/** phiguard is measured from a copy of bin/ + dist/ taken at the start: others may rebuild dist/ mid-run. */
const SNAPSHOT = path.join(OUT, "phiguard");
/** aws-cdk-lib, constructs and cdk-nag, installed for the benchmark only (npm ci --prefix bench/cdk). */
const CDK_MODULES = path.join(BENCH, "cdk", "node_modules");
const GNU_TIME = "/usr/bin/time";
/** Generous, so the benchmark measures a long plan instead of phiguard's 60 s default cutting it off. */
const PLAN_TIMEOUT_S = 900;
/** A run still going after this is killed and recorded as such. */
const KILL_AFTER_S = 20 * 60;

/**
 * check: `phiguard check` (the headline); plan: `phiguard plan` alone; vanilla: the SDK's setMocks;
 * cdk: the CDK app + cdk-nag's HIPAA pack with CDK's built-in CloudFormation validation off (`CDK_VALIDATION=false`,
 * what `cdk synth --no-validation` runs); cdk-default: the same app with CDK's defaults (that validation on).
 */
type Tool = "check" | "check-no-cache" | "plan" | "vanilla" | "cdk" | "cdk-default";
const TOOLS: readonly Tool[] = ["check", "check-no-cache", "plan", "vanilla", "cdk", "cdk-default"];
const LABEL: Record<Tool, string> = {
  check: "`phiguard check`",
  "check-no-cache": "`phiguard check`, no code cache",
  plan: "`phiguard plan`",
  vanilla: "vanilla `setMocks`",
  cdk: "CDK + cdk-nag HIPAA",
  "cdk-default": "CDK + cdk-nag HIPAA, default validation",
};
/** The baselines `phiguard check` is compared with, in the order of the report. */
const BASELINES: readonly Tool[] = ["vanilla", "cdk", "cdk-default"];
const isCdk = (tool: Tool): boolean => tool === "cdk" || tool === "cdk-default";
/** phiguard check exits 1 when the estate has mandatory violations: the report is its output, not a failure. */
const okExit = (tool: Tool): readonly number[] => (tool === "check" || tool === "check-no-cache" ? [0, 1] : [0]);
/** PHIGUARD_NO_COMPILE_CACHE=1: every module compiled from source, as on a first run or with the cache off. */
const NO_CODE_CACHE = { PHIGUARD_NO_COMPILE_CACHE: "1" };
/** The goal of the issue, checked on the largest estate. */
const GOAL_RSS_MB = 500;

/** One timed process. */
interface Measured {
  readonly run: number;
  readonly ok: boolean;
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMB: number;
  readonly note?: string;
}

interface Run extends Measured {
  readonly size: number;
  readonly tool: Tool;
}

interface Check {
  readonly size: number;
  readonly tool: Tool;
  /** Resources registered (Pulumi tools) or in the synthesized templates (CDK). */
  readonly resources: number | undefined;
  readonly matches: boolean;
  readonly note: string;
  /** What the tool found: phiguard's findings by kind, cdk-nag's errors and warnings. */
  readonly findings?: string;
  /** CDK: stacks synthesized. */
  readonly stacks?: number;
}

interface Profiled {
  readonly size: number;
  readonly tool: Tool;
  /** The .cpuprofile, relative to the repo root. */
  readonly file?: string;
  readonly totalMs: number;
  readonly shares: Record<string, number>;
  readonly note?: string;
}

/** Everything a report is rendered from; saved to bench/out/measurements.json (`--report-only` re-renders it). */
interface Measurements {
  readonly runs: Run[];
  readonly checks: Check[];
  readonly estates: { readonly size: number; readonly tscS: number }[];
  readonly runsPerSize: number;
  readonly started: string;
  readonly finished: string;
  readonly loadBefore: number[];
  readonly loadAfter: number[];
  readonly profiles: Profiled[];
  /** Machine and version lines, taken when the run started. */
  readonly machine: string[];
  /** Tools measured (older measurements.json: plan + vanilla). */
  readonly tools?: Tool[];
  /** `phiguard check` of the reference stacks (older measurements.json: none). */
  readonly stacks?: StackRun[];
}

/** One timed `phiguard check --stack <stack>` of a reference stack, with or without the code cache. */
interface StackRun extends Measured {
  readonly stack: string;
  readonly resources: number | undefined;
  readonly cache: boolean;
}

/** The reference stacks of the root project; the goal applies to the largest. */
const REFERENCE_STACKS = ["fhir-platform", "imaging-archive", "remote-monitoring", "analytics-lake"];
const GOAL_STACK_S = 2;

function args(argv: string[]): { sizes: number[]; runs: number; results: string; profile: boolean; reportOnly: boolean; tools: Tool[] } {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (get("sizes") ?? "1000,5000").split(",").map(Number),
    runs: Number(get("runs") ?? 3),
    results: path.resolve(get("results") ?? path.join(BENCH, "RESULTS.md")),
    profile: !argv.includes("--no-profile"),
    reportOnly: argv.includes("--report-only"),
    tools: (get("tools") ?? TOOLS.join(",")).split(",").map((t) => {
      if (!(TOOLS as readonly string[]).includes(t)) throw new Error(`--tools: unknown tool ${t} (expected some of ${TOOLS.join(",")})`);
      return t as Tool;
    }),
  };
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

const estateDir = (size: number): string => path.join(OUT, `estate-${size}`);
const cdkDir = (size: number): string => path.join(OUT, `cdk-${size}`);

interface Command {
  readonly argv: string[];
  readonly env?: Record<string, string | undefined>;
}

/** The measured command of a tool; `extra` adds output options for the untimed verification run. */
function commandFor(tool: Tool, size: number, nodeFlags: string[] = [], extra: string[] = []): Command {
  const phiguard = path.join(SNAPSHOT, "bin", "phiguard.js");
  const common = [estateDir(size), "--stack", "bench", "--timeout", String(PLAN_TIMEOUT_S)];
  switch (tool) {
    case "check":
      return { argv: ["node", ...nodeFlags, phiguard, "check", ...common, ...extra] };
    case "check-no-cache":
      return { argv: ["node", ...nodeFlags, phiguard, "check", ...common, ...extra], env: NO_CODE_CACHE };
    case "plan":
      return { argv: ["node", ...nodeFlags, phiguard, "plan", ...common, "-o", extra[0] ?? "/dev/null"] };
    case "vanilla":
      return { argv: ["node", ...nodeFlags, path.join(BENCH, "vanilla-mocks.js"), estateDir(size), "bench"] };
    case "cdk":
    case "cdk-default":
      // CDK_VALIDATION=false is CDK's documented switch for its built-in CloudFormation validation (cdk synth --no-validation).
      return { argv: ["node", ...nodeFlags, path.join(cdkDir(size), "app.js")], env: { CDK_VALIDATION: tool === "cdk" ? "false" : undefined } };
  }
}

/** The line of a failed run's stderr that says why (a thrown error, V8's OOM, a hang). */
function reason(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const line =
    lines.find((l) => /heap out of memory|FATAL ERROR|did not finish|Killed/i.test(l)) ??
    lines.find((l) => /^(\w*Error\b|phiguard|Error:)/.test(l) || /error:/i.test(l)) ??
    lines[lines.length - 1] ??
    "";
  return line.slice(0, 300);
}

/** Runs one command in a fresh process under GNU time: wall s, user+sys s, max RSS. */
function measure(
  command: Command,
  okCodes: readonly number[] = [0],
): { ok: boolean; status: number | null; wallS: number; cpuS: number; rssMB: number; stdout: string; note?: string } {
  const timeFile = path.join(OUT, "time.txt");
  fs.rmSync(timeFile, { force: true });
  // coreutils `timeout` kills a runaway run; GNU time then reports it (wait4 folds the child's usage into timeout's).
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(command.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawnSync(GNU_TIME, ["-f", "%e %U %S %M", "-o", timeFile, "timeout", "-s", "KILL", String(KILL_AFTER_S), ...command.argv], {
    cwd: ROOT,
    encoding: "utf8",
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  const [wall, user, sys, rssKB] = fs.existsSync(timeFile)
    ? fs.readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number)
    : [NaN, NaN, NaN, NaN];
  const ok = child.status !== null && okCodes.includes(child.status);
  const note = ok
    ? undefined
    : child.status === 137
      ? `killed after ${KILL_AFTER_S / 60} min (or by the OOM killer): ${reason(child.stderr ?? "")}`
      : `exit ${child.status ?? child.signal}: ${reason(child.stderr ?? "")}`;
  return { ok, status: child.status, wallS: wall!, cpuS: user! + sys!, rssMB: rssKB! / 1024, stdout: child.stdout ?? "", ...(note ? { note } : {}) };
}

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function sameCounts(expected: Readonly<Record<string, number>>, actual: Record<string, number>): string {
  const diffs: string[] = [];
  for (const type of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    if ((expected[type] ?? 0) !== (actual[type] ?? 0)) diffs.push(`${type}: expected ${expected[type] ?? 0}, got ${actual[type] ?? 0}`);
  }
  return diffs.join("; ");
}

function prepare(size: number, withCdk: boolean): { dir: string; estate: Estate; tscS: number } {
  const dir = estateDir(size);
  fs.rmSync(dir, { recursive: true, force: true });
  const estate = planEstate(size);
  writeEstate(dir, renderEstate(estate));
  // The CDK twin of the same estate: plain JS, nothing to compile.
  fs.rmSync(cdkDir(size), { recursive: true, force: true });
  if (withCdk) writeCdkApp(cdkDir(size), estate);
  // Type-check against @pulumi/aws 7.x and emit bin/index.js for the vanilla baseline (untimed).
  const started = Date.now();
  const tsc = spawnSync("node", [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { cwd: ROOT, encoding: "utf8" });
  if (tsc.status !== 0) throw new Error(`${dir}: the generated program does not type-check:\n${tsc.stdout}${tsc.stderr}`);
  return { dir, estate, tscS: (Date.now() - started) / 1000 };
}

function countByType(types: Iterable<string>): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const t of types) byType[t] = (byType[t] ?? 0) + 1;
  return byType;
}

/** phiguard check's JSON report, the part the verification reads. */
interface CheckReport {
  readonly passed: boolean;
  readonly summary: { resources: number; rules: number; mandatory: number; advisory: number; unverifiable: number; notVisible: number };
  readonly findings: { ruleId: string; level: string; kind: string }[];
}

function verifyCheck(size: number, estate: Estate, tool: "check" | "check-no-cache"): Check {
  const file = path.join(OUT, `${tool}-${size}.json`);
  fs.rmSync(file, { force: true });
  const m = measure(commandFor(tool, size, [], ["--format", "text=-", "--format", `json=${file}`]), okExit(tool));
  if (!m.ok || !fs.existsSync(file)) return { size, tool, resources: undefined, matches: false, note: m.note ?? "no JSON report written" };
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as CheckReport;
  const s = report.summary;
  const rules = new Set(report.findings.map((f) => f.ruleId)).size;
  const findings =
    `exit ${m.status}, ${report.findings.length} findings from ${rules} of ${s.rules} rules: ${s.mandatory} mandatory, ${s.advisory} advisory, ` +
    `${s.unverifiable} unverifiable, ${s.notVisible} not visible`;
  const matches = s.resources === estate.resources;
  return {
    size,
    tool,
    resources: s.resources,
    matches,
    findings,
    note: matches ? "checked every resource the generator planned" : `checked ${s.resources} resources, expected ${estate.resources}`,
  };
}

/** Reads the cloud assembly an untimed synth wrote: resources by type in every template, cdk-nag's and CDK's findings. */
function verifyCdk(size: number, estate: Estate, tool: Tool): Check {
  const outdir = path.join(cdkDir(size), "cdk.out");
  fs.rmSync(outdir, { recursive: true, force: true });
  const m = measure(commandFor(tool, size));
  const manifestFile = path.join(outdir, "manifest.json");
  if (!m.ok || !fs.existsSync(manifestFile)) return { size, tool, resources: undefined, matches: false, note: m.note ?? "no cloud assembly written" };
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { artifacts: Record<string, { type: string; properties?: { templateFile?: string } }> };
  const types: string[] = [];
  const oversized: string[] = [];
  let stacks = 0;
  for (const [name, artifact] of Object.entries(manifest.artifacts)) {
    if (artifact.type !== "aws:cloudformation:stack" || !artifact.properties?.templateFile) continue;
    stacks++;
    const template = JSON.parse(fs.readFileSync(path.join(outdir, artifact.properties.templateFile), "utf8")) as { Resources?: Record<string, { Type: string }> };
    const inStack = Object.values(template.Resources ?? {}).map((r) => r.Type);
    if (inStack.length > MAX_STACK_RESOURCES) oversized.push(`${name} has ${inStack.length}`);
    // CDK's version-reporting resource is added only under the CLI; not part of the estate.
    types.push(...inStack.filter((t) => t !== "AWS::CDK::Metadata"));
  }
  const plan = planCdk(estate);
  const diff = [sameCounts(plan.byType, countByType(types)), oversized.length ? `stacks over ${MAX_STACK_RESOURCES}: ${oversized.join(", ")}` : ""].filter(Boolean).join("; ");
  // cdk-nag 3 reports through CDK's policy validation: the report lists each rule's violating constructs.
  const reportFile = ["validation-report.json", "policy-validation-report.json"].map((f) => path.join(outdir, f)).find((f) => fs.existsSync(f));
  let findings = "no validation report written (no findings)";
  if (reportFile) {
    const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as {
      pluginReports?: { pluginName: string; violations: { ruleName: string; severity: string; violatingConstructs?: unknown[]; violatingResources?: unknown[] }[] }[];
    };
    findings = (report.pluginReports ?? [])
      .map((p) => {
        const by: Record<string, number> = {};
        for (const v of p.violations) by[v.severity] = (by[v.severity] ?? 0) + (v.violatingConstructs ?? v.violatingResources ?? []).length;
        const levels = Object.entries(by).map(([sev, n]) => `${n} ${sev}${n === 1 ? "" : "s"}`).join(", ");
        return `${p.pluginName}: ${levels || "none"} from ${p.violations.length} rules`;
      })
      .join("; ");
  }
  return {
    size,
    tool,
    resources: types.length,
    matches: diff === "",
    stacks,
    findings: `exit ${m.status}; ${findings}`,
    note: diff || `the ${stacks} templates hold the planned CloudFormation resources by type`,
  };
}

/** One untimed run of each tool that also checks they all register (or synthesize) exactly what the generator planned. */
function verify(size: number, estate: Estate, tools: readonly Tool[]): Check[] {
  const checks: Check[] = [];
  for (const tool of tools) {
    if (tool === "check" || tool === "check-no-cache") checks.push(verifyCheck(size, estate, tool));
    else if (isCdk(tool)) checks.push(verifyCdk(size, estate, tool));
    else if (tool === "plan") {
      const planFile = path.join(OUT, `plan-${size}.json`);
      const m = measure(commandFor("plan", size, [], [planFile]));
      if (!m.ok) {
        checks.push({ size, tool, resources: undefined, matches: false, note: m.note ?? "failed" });
        continue;
      }
      const plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as { resources: { type: string }[] };
      const diff = sameCounts(estate.byType, countByType(plan.resources.map((r) => r.type)));
      checks.push({ size, tool, resources: plan.resources.length, matches: diff === "", note: diff || "plan matches the generator's counts by type" });
    } else {
      const m = measure(commandFor("vanilla", size));
      if (!m.ok) {
        checks.push({ size, tool, resources: undefined, matches: false, note: m.note ?? "failed" });
        continue;
      }
      const report = JSON.parse(m.stdout) as { resources: number; byType: Record<string, number> };
      const diff = sameCounts(estate.byType, report.byType);
      checks.push({ size, tool, resources: report.resources, matches: diff === "", note: diff || "registrations match the generator's counts by type" });
    }
  }
  for (const c of checks) log(`verify ${size} ${c.tool}: ${c.resources ?? "-"} resources; ${c.note}${c.findings ? `; ${c.findings}` : ""}`);
  return checks;
}

/** `phiguard check` of each reference stack, `runs` times with the code cache and without it, interleaved. */
function measureStacks(runs: number): StackRun[] {
  const phiguard = path.join(SNAPSHOT, "bin", "phiguard.js");
  const out: StackRun[] = [];
  for (const stack of REFERENCE_STACKS) {
    // Untimed: counts the stack's resources and fills the code cache.
    const planFile = path.join(OUT, `stack-${stack}.json`);
    const planned = measure({ argv: ["node", phiguard, "plan", "--stack", stack, "-o", planFile] });
    const resources = planned.ok ? (JSON.parse(fs.readFileSync(planFile, "utf8")) as { resources: unknown[] }).resources.length : undefined;
    for (let run = 1; run <= runs; run++) {
      for (const cache of [true, false]) {
        const m = measure({ argv: ["node", phiguard, "check", "--stack", stack, "-q"], ...(cache ? {} : { env: NO_CODE_CACHE }) });
        out.push({ stack, resources, cache, run, ok: m.ok, wallS: m.wallS, cpuS: m.cpuS, rssMB: m.rssMB, ...(m.note ? { note: m.note } : {}) });
        log(`stack ${stack} ${cache ? "cache" : "no cache"} #${run}: ${m.ok ? "ok" : "FAILED"} ${fmt(m.wallS, 2)} s wall, ${fmt(m.rssMB, 0)} MB`);
      }
    }
  }
  return out;
}

/** The reference stacks' table and the goal on the largest. */
function stackReport(stacks: readonly StackRun[]): string[] {
  if (stacks.length === 0) return [];
  const stat = (stack: string, cache: boolean) => statsOfRuns(stacks.filter((r) => r.stack === stack && r.cache === cache));
  const names = [...new Set(stacks.map((r) => r.stack))];
  const resourcesOf = (stack: string) => stacks.find((r) => r.stack === stack)?.resources ?? 0;
  const lines = [
    "",
    "## Reference stacks",
    "",
    "`phiguard check --stack <stack>` of the root project, one cold process per run, median of the runs. \"Code cache\" is the",
    "default (modules compiled from the on-disk V8 code cache a previous run wrote, see cli/compile-cache.ts); \"no code cache\"",
    "sets PHIGUARD_NO_COMPILE_CACHE=1, as a first run on a fresh machine compiles every module.",
    "",
    "| Stack | Resources | Code cache: median wall s | CPU s | Peak RSS MB | No code cache: median wall s | CPU s | Peak RSS MB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const stack of names) {
    const [c, n] = [stat(stack, true), stat(stack, false)];
    lines.push(`| ${stack} | ${resourcesOf(stack)} | ${fmt(c.wall, 2)} | ${fmt(c.cpu, 2)} | ${fmt(c.rss, 0)} | ${fmt(n.wall, 2)} | ${fmt(n.cpu, 2)} | ${fmt(n.rss, 0)} |`);
  }
  const largest = [...names].sort((a, b) => resourcesOf(b) - resourcesOf(a))[0] as string;
  const [c, n] = [stat(largest, true), stat(largest, false)];
  lines.push(
    "",
    `- **Goal** (the largest reference stack under ${GOAL_STACK_S} s): ${largest}, ${resourcesOf(largest)} resources: ` +
      `${c.wall < GOAL_STACK_S ? "**met**" : "**not met**"} with the code cache (${fmt(c.wall, 2)} s); ` +
      `with no code cache ${fmt(n.wall, 2)} s (${n.wall < GOAL_STACK_S ? "met" : "not met"}).`,
  );
  return lines;
}

/** One extra run per tool under `node --cpu-prof` (not part of the timings), summarised by bucket. */
function profile(size: number, tools: readonly Tool[]): Profiled[] {
  const out: Profiled[] = [];
  for (const tool of tools) {
    const profDir = path.join(OUT, "prof", `${tool}-${size}`);
    fs.rmSync(profDir, { recursive: true, force: true });
    if (isCdk(tool)) fs.rmSync(path.join(cdkDir(size), "cdk.out"), { recursive: true, force: true });
    const m = measure(commandFor(tool, size, ["--cpu-prof", `--cpu-prof-dir=${profDir}`]), okExit(tool));
    const file = fs.existsSync(profDir) ? fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile")) : undefined;
    if (!m.ok || !file) {
      out.push({ size, tool, totalMs: NaN, shares: {}, note: m.note ?? "no profile written" });
      continue;
    }
    out.push({ size, tool, file: path.relative(ROOT, path.join(profDir, file)), ...summariseProfile(path.join(profDir, file)) });
    log(`profiled ${size} ${tool}: ${path.relative(ROOT, path.join(profDir, file))}`);
  }
  return out;
}

function versionOf(pkg: string, modules = path.join(ROOT, "node_modules")): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(modules, pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

/** Copies bin/ and dist/ (dependencies still resolve from the repo's node_modules); returns when dist/ was built. */
function snapshotPhiguard(): string {
  fs.rmSync(SNAPSHOT, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, "bin"), path.join(SNAPSHOT, "bin"), { recursive: true });
  fs.cpSync(path.join(ROOT, "dist"), path.join(SNAPSHOT, "dist"), { recursive: true });
  const main = fs.statSync(path.join(ROOT, "dist", "cli", "main.js"));
  return main.mtime.toISOString().replace("T", " ").slice(0, 16);
}

function machine(distBuilt: string): string[] {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "?";
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "cli", "policies"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  return [
    `- CPU: ${model}, ${os.cpus().length} cores (\`nproc\` ${os.availableParallelism()})`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; OS: ${os.type()} ${os.release()}`,
    `- Node ${process.version}; @pulumi/pulumi ${versionOf("@pulumi/pulumi")}; @pulumi/aws ${versionOf("@pulumi/aws")}; typescript ${versionOf("typescript")}`,
    `- CDK baseline (bench/cdk, \`npm ci --prefix bench/cdk\`): aws-cdk-lib ${versionOf("aws-cdk-lib", CDK_MODULES)}; cdk-nag ${versionOf("cdk-nag", CDK_MODULES)}; ` +
      `constructs ${versionOf("constructs", CDK_MODULES)}`,
    `- phiguard: commit ${git || "?"}${dirty ? " with uncommitted changes in cli/ or policies/ (work in progress)" : ""}; ` +
      `\`dist/\` built by \`npm run build\` at ${distBuilt} UTC and copied to bench/out/phiguard/ before the first run`,
  ];
}

const fmt = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toFixed(digits) : "n/a");
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "n/a");
const cell = (text: string): string => text.replace(/\|/g, "\\|");

const int = (n: number): string => n.toLocaleString("en-US");

interface Stats {
  readonly okCount: number;
  readonly total: number;
  readonly wall: number;
  readonly min: number;
  readonly max: number;
  readonly cpu: number;
  readonly rss: number;
}

function statsOf(runs: Run[], size: number, tool: Tool): Stats {
  return statsOfRuns(runs.filter((r) => r.size === size && r.tool === tool));
}

/** Medians (and the wall range) of the successful runs among `runs`. */
function statsOfRuns(runs: readonly Measured[]): Stats {
  const ok = runs.filter((r) => r.ok);
  return {
    okCount: ok.length,
    total: runs.length,
    wall: median(ok.map((r) => r.wallS)),
    min: Math.min(...ok.map((r) => r.wallS)),
    max: Math.max(...ok.map((r) => r.wallS)),
    cpu: median(ok.map((r) => r.cpuS)),
    rss: median(ok.map((r) => r.rssMB)),
  };
}

/** Tools of a measurement in report order (older files: plan + vanilla). */
function toolsOf(m: Measurements): Tool[] {
  const present = new Set(m.runs.map((r) => r.tool));
  return TOOLS.filter((t) => (m.tools ?? []).includes(t) || present.has(t));
}

/**
 * Whether a cost grows linearly with the estate: `values` in ms or KB at each size. Two sizes fit a start-up cost plus
 * a constant cost per resource exactly, so "linear or better" means the per-resource cost did not rise; with three
 * or more sizes the marginal cost per resource of the first and the last step are compared.
 */
function growthVerdict(sizes: number[], values: number[], unit: "ms" | "KB"): string {
  const last = sizes.length - 1;
  const [a, b] = [sizes[0]!, sizes[last]!];
  const [va, vb] = [values[0]!, values[last]!];
  if (!Number.isFinite(va) || !Number.isFinite(vb)) return "n/a";
  const slope = (i: number, j: number): number => (values[j]! - values[i]!) / (sizes[j]! - sizes[i]!);
  const marginal = slope(0, last);
  const startup = va - marginal * a;
  const start = unit === "ms" ? `${fmt(startup / 1000, 1)} s` : `${fmt(startup / 1024, 0)} MB`;
  const d = unit === "ms" ? 2 : 0;
  const head = `${ratio(vb, va)} for ${ratio(b, a)} the resources (${fmt(va / a, d)} → ${fmt(vb / b, d)} ${unit} per resource)`;
  let shape: string;
  if (sizes.length >= 3) {
    const [first, final] = [slope(0, 1), slope(last - 1, last)];
    shape =
      final > first * 1.3
        ? `**worse than linear**: the marginal cost rises from ${fmt(first, d)} to ${fmt(final, d)} ${unit} per resource`
        : final < first * 0.77
          ? `better than linear: the marginal cost falls from ${fmt(first, d)} to ${fmt(final, d)} ${unit} per resource`
          : `linear: about ${start} at start plus ${fmt(marginal, d)} ${unit} per resource`;
  } else {
    shape = startup >= 0 ? `linear or better: about ${start} at start plus ${fmt(marginal, d)} ${unit} per resource` : "**worse than linear**: the per-resource cost rises";
  }
  return `${head}: ${shape}`;
}

/** Conclusions computed from the numbers, so a re-run rewrites them too. */
function findings(m: Measurements): string[] {
  const out: string[] = [];
  const tools = toolsOf(m);
  const has = (t: Tool): boolean => tools.includes(t);
  const sizes = m.estates.map((e) => e.size);
  const versus = (size: number, a: Tool, b: Tool): string => {
    const [p, v] = [statsOf(m.runs, size, a), statsOf(m.runs, size, b)];
    return (
      `${ratio(p.wall, v.wall)} the wall time, ${ratio(p.cpu, v.cpu)} the CPU time and ${ratio(p.rss, v.rss)} the peak memory of ${LABEL[b]} ` +
      `(${fmt(p.wall, 1)} s vs ${fmt(v.wall, 1)} s wall, ${fmt(p.cpu, 1)} s vs ${fmt(v.cpu, 1)} s CPU, ${fmt(p.rss, 0)} MB vs ${fmt(v.rss, 0)} MB)`
    );
  };
  for (const size of sizes) {
    if (has("check")) {
      const against = BASELINES.filter(has).map((b) => versus(size, "check", b));
      if (against.length > 0) out.push(`- ${int(size)} resources: \`phiguard check\` takes ${against.join("; ")}.`);
    }
    if (has("plan") && has("vanilla")) out.push(`- ${int(size)} resources: \`phiguard plan\` alone takes ${versus(size, "plan", "vanilla")}.`);
  }
  // The issue's goal, on the largest estate.
  const largest = sizes[sizes.length - 1];
  if (largest !== undefined && has("check")) {
    const c = statsOf(m.runs, largest, "check");
    const target: Tool | undefined = has("cdk") ? "cdk" : has("cdk-default") ? "cdk-default" : undefined;
    const parts: string[] = [];
    if (target) {
      const k = statsOf(m.runs, largest, target);
      parts.push(
        !Number.isFinite(c.wall) || !Number.isFinite(k.wall)
          ? "wall time **not measured** (failed runs)"
          : c.wall < k.wall
            ? `wall time **met**: ${fmt(c.wall, 1)} s vs ${fmt(k.wall, 1)} s for ${LABEL[target]} (${ratio(c.wall, k.wall)}, ${fmt(k.wall - c.wall, 1)} s faster)`
            : `wall time **not met**: ${fmt(c.wall, 1)} s vs ${fmt(k.wall, 1)} s for ${LABEL[target]} (${ratio(c.wall, k.wall)}, ${fmt(c.wall - k.wall, 1)} s slower; ` +
              `CPU ${fmt(c.cpu, 1)} s vs ${fmt(k.cpu, 1)} s)`,
      );
      if (target === "cdk" && has("cdk-default")) {
        const d = statsOf(m.runs, largest, "cdk-default");
        parts.push(`against CDK's default synth (its built-in CloudFormation validation on: ${fmt(d.wall, 1)} s) it is ${c.wall < d.wall ? "met" : "not met"} (${ratio(c.wall, d.wall)})`);
      }
    }
    parts.push(
      !Number.isFinite(c.rss)
        ? "peak RSS **not measured**"
        : c.rss <= GOAL_RSS_MB
          ? `peak RSS **met**: ${fmt(c.rss, 0)} MB ≤ ${GOAL_RSS_MB} MB`
          : `peak RSS **not met**: ${fmt(c.rss, 0)} MB, ${fmt(c.rss - GOAL_RSS_MB, 0)} MB (${ratio(c.rss, GOAL_RSS_MB)}) over ${GOAL_RSS_MB} MB`,
    );
    if (target && has("check-no-cache")) {
      const [n, k] = [statsOf(m.runs, largest, "check-no-cache"), statsOf(m.runs, largest, target)];
      parts.push(
        `with no code cache (every module compiled, as on a first run) it takes ${fmt(n.wall, 1)} s: ${n.wall < k.wall ? "met" : "not met"} (${ratio(n.wall, k.wall)} of ${LABEL[target]})`,
      );
    }
    out.push(`- **Goal** (\`phiguard check\` wall < CDK + cdk-nag's wall on the largest estate, and phiguard's peak RSS ≤ ${GOAL_RSS_MB} MB), at ${int(largest)} resources: ${parts.join("; ")}.`);
  }
  if (sizes.length >= 2) {
    const [a, b] = [sizes[0]!, sizes[sizes.length - 1]!];
    for (const tool of tools) {
      const st = sizes.map((s) => statsOf(m.runs, s, tool));
      out.push(
        `- Growth of ${LABEL[tool]} from ${int(a)} to ${int(b)} resources: CPU ${growthVerdict(sizes, st.map((x) => x.cpu * 1000), "ms")}; ` +
          `wall ${growthVerdict(sizes, st.map((x) => x.wall * 1000), "ms")}; peak RSS ${growthVerdict(sizes, st.map((x) => x.rss * 1024), "KB")}.`,
      );
    }
  }
  for (const tool of ["check", "plan"] as const) {
    const slow = m.runs.filter((r) => r.tool === tool && r.ok && r.wallS > 60);
    if (slow.length === 0) continue;
    const bySize = [...new Set(slow.map((r) => r.size))].map((s) => `${slow.filter((r) => r.size === s).length} of ${m.runs.filter((r) => r.tool === tool && r.size === s).length} at ${int(s)}`);
    out.push(
      `- ${LABEL[tool]} runs above 60 s wall: ${bySize.join(", ")}. With its default \`--timeout 60\` (this benchmark passes ${PLAN_TIMEOUT_S}), ` +
        `${LABEL[tool]} would have reported those programs as hung.`,
    );
  }
  const long = m.runs.filter((r) => r.wallS > 120);
  if (long.length > 0) {
    out.push(`- Runs above 2 minutes wall: ${long.map((r) => `${r.tool} ${int(r.size)} #${r.run} (${fmt(r.wallS, 0)} s)`).join(", ")}.`);
  }
  const failed = m.runs.filter((r) => !r.ok);
  if (failed.length > 0) out.push(`- Failed runs: ${failed.map((r) => `${r.tool} ${r.size} #${r.run}: ${cell(r.note ?? "")}`).join("; ")}.`);
  const load = Math.max(...m.loadBefore, ...m.loadAfter);
  if (load > os.cpus().length) {
    out.push(
      `- The machine was shared and busy (load average up to ${fmt(load, 1)} on ${os.cpus().length} cores): wall times include waiting for a CPU ` +
        "and vary from run to run; the CPU column is the steadier comparison, and all tools ran interleaved under the same load. " +
        "Expect lower absolute numbers on an idle machine.",
    );
  }
  const [pp, vp] = [m.profiles.find((x) => x.tool === "check" || x.tool === "plan"), m.profiles.find((x) => x.tool === "vanilla")];
  if (pp && vp && Number.isFinite(pp.totalMs) && Number.isFinite(vp.totalMs)) {
    // Mapped and unmapped stack traces are one cost moved between two buckets: compare them together.
    const merged = (x: Profiled): Record<string, number> => {
      const secs: Record<string, number> = {};
      for (const b of BUCKETS) {
        const key = b.startsWith("stack traces") ? "stack traces (all)" : b;
        secs[key] = (secs[key] ?? 0) + ((x.shares[b] ?? 0) * x.totalMs) / 1000;
      }
      return secs;
    };
    const [ps, vs] = [merged(pp), merged(vp)];
    const pct = (x: Profiled, secs: number): string => `${fmt((100 * secs * 1000) / x.totalMs, 0)}%`;
    const says = (b: string): string => `"${b}" ${fmt(ps[b] ?? 0, 1)} s (${pct(pp, ps[b] ?? 0)}) vs ${fmt(vs[b] ?? 0, 1)} s (${pct(vp, vs[b] ?? 0)})`;
    const deltas = Object.keys(ps).map((b) => ({ b, extra: (ps[b] ?? 0) - (vs[b] ?? 0) }));
    const saved = deltas.filter((d) => d.extra < -1).sort((x, y) => x.extra - y.extra).slice(0, 2);
    const extra = deltas.filter((d) => d.extra > 1).sort((x, y) => y.extra - x.extra).slice(0, 2);
    out.push(
      `- Profile of the ${int(pp.size)} estate (seconds are wall-clock samples of the main thread, inflated by the load ` +
        `like the wall column; ${LABEL[pp.tool]} vs vanilla): ` +
        [
          saved.length > 0 ? `phiguard spends less in ${saved.map((d) => says(d.b)).join(" and ")}` : "",
          extra.length > 0 ? `more in ${extra.map((d) => says(d.b)).join(" and ")}` : "",
        ]
          .filter(Boolean)
          .join("; ") +
        `. Garbage collection is ${pct(pp, ps["garbage collection"] ?? 0)} of phiguard's samples and ${pct(vp, vs["garbage collection"] ?? 0)} of vanilla's.`,
    );
    if ((pp.shares["SDK debuggablePromise (own code)"] ?? 0) < 0.005 && (vp.shares["SDK debuggablePromise (own code)"] ?? 0) > 0.05) {
      out.push(
        "  phiguard shows no time in the SDK's `debuggablePromise`, which captures and formats a stack trace for every promise " +
          "the SDK creates: it swaps in a lean version (cli/planner/lean-promises.ts). The vanilla run pays for both.",
      );
    }
  }
  for (const cp of m.profiles.filter((x) => isCdk(x.tool) && Number.isFinite(x.totalMs))) {
    const top = BUCKETS.map((b) => ({ b, share: cp.shares[b] ?? 0 }))
      .sort((x, y) => y.share - x.share)
      .slice(0, 4)
      .map((x) => `"${x.b}" ${fmt(100 * x.share, 0)}%`);
    out.push(`- Profile of ${LABEL[cp.tool]} on the ${int(cp.size)} estate (${fmt(cp.totalMs / 1000, 1)} s sampled): ${top.join(", ")}.`);
  }
  return out;
}

function report(m: Measurements): string {
  const opts = { ...m, estates: m.estates.map((e) => ({ ...e, estate: planEstate(e.size) })), started: new Date(m.started), finished: new Date(m.finished) };
  const tools = toolsOf(m);
  const has = (t: Tool): boolean => tools.includes(t);
  const lines: string[] = [];
  const push = (...l: string[]): void => void lines.push(...l);
  push(
    "# Benchmark: `phiguard check` vs CDK + cdk-nag vs the SDK's vanilla `setMocks`",
    "",
    "Generated by `bench/run.sh` (see bench/README.md for what each number means). Do not edit by hand;",
    "the notes at the end are written by the runner too.",
    "",
    "## Machine",
    "",
    ...m.machine,
    `- Date: ${opts.started.toISOString().replace("T", " ").slice(0, 16)} UTC, ${Math.round((opts.finished.getTime() - opts.started.getTime()) / 60_000)} min in all`,
    `- Load average (1/5/15 min) before: ${opts.loadBefore.map((l) => l.toFixed(2)).join(" / ")}, after: ${opts.loadAfter.map((l) => l.toFixed(2)).join(" / ")}` +
      " (the machine is shared; other jobs ran during the benchmark when these are above ~1)",
    "",
    "## Results",
    "",
    `Median of ${opts.runsPerSize} cold runs per tool and size, each a fresh \`node\` process, runs of the tools interleaved.`,
    "Wall and peak RSS are GNU time's `%e` and `%M` for the whole process; CPU is user + sys. The last three columns divide",
    "`phiguard check`'s median by the row's (below 1.00× phiguard check is faster / smaller).",
    "",
    "| Estate | Tool | OK runs | Median wall s | Wall min–max s | Median CPU s | Median peak RSS MB | check ÷ tool: wall | CPU | RSS |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const { size } of opts.estates) {
    const c = statsOf(opts.runs, size, "check");
    for (const tool of tools) {
      const s = statsOf(opts.runs, size, tool);
      const label = tool === "check" ? `**${LABEL[tool]}**` : LABEL[tool];
      const ratios = has("check") ? `${ratio(c.wall, s.wall)} | ${ratio(c.cpu, s.cpu)} | ${ratio(c.rss, s.rss)}` : "n/a | n/a | n/a";
      push(`| ${int(size)} | ${label} | ${s.okCount}/${s.total} | ${fmt(s.wall, 2)} | ${fmt(s.min, 2)}–${fmt(s.max, 2)} | ${fmt(s.cpu, 2)} | ${fmt(s.rss, 0)} | ${ratios} |`);
    }
  }
  push("", "## Findings", "", ...findings(m));
  push(...stackReport(m.stacks ?? []));
  // The hand-measured analysis of what the numbers leave open (heap snapshots, GC traces), and
  // the Rego-vs-TypeScript evaluation times `npm run bench:rego` writes.
  for (const part of ["what-remains.md", "rego.md"]) {
    const file = path.join(BENCH, part);
    if (fs.existsSync(file)) push("", fs.readFileSync(file, "utf8").trimEnd());
  }
  push(
    "",
    "## Cost per resource",
    "",
    "Median wall, CPU and peak RSS divided by the estate's size in Pulumi resources (the CDK twin holds the same workload in",
    "fewer CloudFormation resources, see below); the marginal columns are the extra cost per extra resource from the previous size.",
    "",
    "| Tool | Estate | Wall ms / resource | CPU ms / resource | RSS KB / resource | Marginal CPU ms / resource | Marginal RSS KB / resource |",
    "|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const tool of tools) {
    opts.estates.forEach(({ size }, i) => {
      const s = statsOf(opts.runs, size, tool);
      const prev = i > 0 ? opts.estates[i - 1]!.size : undefined;
      const p = prev !== undefined ? statsOf(opts.runs, prev, tool) : undefined;
      const marginal = p && prev !== undefined
        ? `${fmt(((s.cpu - p.cpu) * 1000) / (size - prev), 2)} | ${fmt(((s.rss - p.rss) * 1024) / (size - prev), 0)}`
        : " | ";
      push(`| ${LABEL[tool]} | ${int(size)} | ${fmt((s.wall * 1000) / size, 2)} | ${fmt((s.cpu * 1000) / size, 2)} | ${fmt((s.rss * 1024) / size, 0)} | ${marginal} |`);
    });
  }
  const check = (size: number, tool: Tool): Check | undefined => opts.checks.find((x) => x.size === size && x.tool === tool);
  push(
    "",
    "## Estates",
    "",
    "Each tool ran once more, untimed, before the timed runs: the Pulumi tools must register exactly the generator's resources by",
    "type, `phiguard check` must check all of them, and the CDK app's synthesized templates must hold exactly the planned",
    `CloudFormation resources by type, at most ${MAX_STACK_RESOURCES} a stack.`,
    "",
    `| Estate | Workload units | Pulumi resources | ${tools.map((t) => LABEL[t]).join(" | ")} | CloudFormation resources planned | CDK stacks | All counts match | \`tsc\` s (untimed) |`,
    `|---:|---:|---:|${tools.map(() => "---:|").join("")}---:|---:|---|---:|`,
  );
  for (const { size, estate, tscS } of opts.estates) {
    const checks = tools.map((t) => check(size, t));
    const matches = checks.every((x) => x?.matches) ? "yes" : `**no**: ${checks.filter((x) => !x?.matches).map((x) => cell(`${x?.tool}: ${x?.note}`)).join("; ")}`;
    const cdkPlan = planCdk(estate);
    push(
      `| ${int(size)} | ${estate.units.length} | ${int(estate.resources)} | ${checks.map((x) => (x?.resources !== undefined ? int(x.resources) : "n/a")).join(" | ")} | ` +
        `${int(cdkPlan.resources)} | ${Object.keys(cdkPlan.stacks).length} | ${matches} | ${fmt(tscS, 1)} |`,
    );
  }
  const withFindings = opts.checks.filter((x) => x.findings);
  if (withFindings.length > 0) {
    push(
      "",
      "What the checkers reported in those runs (the estate breaks some HIPAA rules on purpose or by omission, so both exit with",
      "findings; `phiguard check`'s exit 1 and the CDK app's validation failure are counted as successful runs):",
      "",
      "| Estate | Tool | Findings |",
      "|---:|---|---|",
      ...withFindings.map((x) => `| ${int(x.size)} | ${LABEL[x.tool]} | ${cell(x.findings ?? "")} |`),
    );
  }
  const biggest = opts.estates[opts.estates.length - 1]?.estate;
  if (biggest) {
    const cfn = planCdk(biggest).byType;
    push(
      "",
      `Resource mix of the ${int(biggest.resources)} estate and its CDK twin (the smaller ones have the same proportions). Pulumi types`,
      "without a CloudFormation resource of their own are folded into their CloudFormation parent:",
      "",
      "| Pulumi type | Count | CloudFormation type | Count |",
      "|---|---:|---|---:|",
      ...Object.entries(biggest.byType).map(([t, n]) =>
        MAPPED[t] ? `| \`${t}\` | ${n} | \`${MAPPED[t]}\` | ${cfn[MAPPED[t]] ?? 0} |` : `| \`${t}\` | ${n} | ${FOLDED[t] ?? "?"} | |`,
      ),
      `| **total** | **${int(biggest.resources)}** | | **${int(planCdk(biggest).resources)}** |`,
    );
  }
  push("", "## Raw runs", "", "| Estate | Tool | Run | OK | Wall s | CPU s | Peak RSS MB | Note |", "|---:|---|---:|---|---:|---:|---:|---|");
  for (const r of opts.runs) {
    push(`| ${r.size} | ${r.tool} | ${r.run} | ${r.ok ? "yes" : "**no**"} | ${fmt(r.wallS, 2)} | ${fmt(r.cpuS, 2)} | ${fmt(r.rssMB, 0)} | ${cell(r.note ?? "")} |`);
  }
  if (opts.profiles.length > 0) {
    const profiled = opts.profiles;
    push(
      "",
      `## Where the time goes (${int(profiled[0]!.size)} estate, one extra run per tool under \`node --cpu-prof\`)`,
      "",
      "Self time of the main thread by bucket (`bench/profile.ts`); a sample counts as \"stack traces\" when it runs under V8's",
      "stack formatting, whoever asked for the trace (the SDK's `debuggablePromise` for every promise, its per-resource source",
      "position, CDK's construct traces). Seconds are share × profiled time, wall-clock samples. The profiles are in `bench/out/prof/`.",
      "",
      `| Bucket | ${profiled.map((p) => `${p.tool} % | ${p.tool} s`).join(" | ")} |`,
      `|---|${profiled.map(() => "---:|---:|").join("")}`,
      ...BUCKETS.map(
        (b) => `| ${b} | ${profiled.map((p) => `${fmt(100 * (p.shares[b] ?? NaN))} | ${fmt(((p.shares[b] ?? NaN) * p.totalMs) / 1000)}`).join(" | ")} |`,
      ),
      `| **profiled total** | ${profiled.map((p) => ` | ${fmt(p.totalMs / 1000)}`).join(" | ")} |`,
      ...profiled.filter((x) => x.note).map((x) => `\n${x.tool}: profile failed: ${cell(x.note ?? "")}`),
    );
  }
  push(
    "",
    "## How the runs differ (by design)",
    "",
    "- **`phiguard check`** (the headline): `node bench/out/phiguard/bin/phiguard.js check <estate> --stack bench --timeout " + PLAN_TIMEOUT_S + "`",
    "  (a copy of `bin/` + `dist/` taken at the start), i.e. what a CI job runs: it plans the program as `phiguard plan` does (below),",
    "  evaluates every rule of the TypeScript HIPAA pack on the Plan and prints the text report on stdout (captured by the runner).",
    "  It exits 1 when the estate has mandatory violations, which this estate has: exit 0 and 1 both count as a successful run.",
    "- **`phiguard plan`**: `node bench/out/phiguard/bin/phiguard.js plan <estate> --stack bench --timeout " + PLAN_TIMEOUT_S + " -o /dev/null`.",
    "  It loads the CLI, reads `Pulumi.yaml` + `Pulumi.bench.yaml`, transpiles `index.ts` on load (TypeScript `transpileModule`,",
    "  no type-check, as the Pulumi CLI does), runs it under its recording monitor with preview semantics, converts every",
    "  registration into a Plan resource and serialises the Plan as JSON. No policy is evaluated by `plan`.",
    "  `--timeout " + PLAN_TIMEOUT_S + "` replaces the 60 s default so that a long plan is measured rather than cut off; a wall time above 60 s",
    "  in the table means the default would have failed as \"hung\".",
    "- **vanilla**: `node bench/vanilla-mocks.js <estate> bench` runs the estate **compiled to JS beforehand** (`tsc -p <estate>`",
    "  emits `bin/index.js`; that compile is not timed) under `pulumi.runtime.setMocks` with preview = true and mocks that return",
    "  the inputs as state, inside `runInPulumiStack` (so the stack resource registers, as under the language host), then",
    "  `disconnect()` to drain the RPC queue. It only counts registrations: no Plan, no JSON, no policy.",
    "- **CDK + cdk-nag HIPAA**: `CDK_VALIDATION=false node bench/out/cdk-<n>/app.js`, a plain CommonJS CDK app generated from",
    "  the same estate plan (`bench/estate/cdk.ts`: L1 `Cfn*` constructs, one CloudFormation resource per Pulumi resource where",
    `  CloudFormation has the type, a \`Platform\` stack plus workload stacks of at most ${MAX_STACK_RESOURCES} resources, cross-stack references`,
    "  through exports). It registers cdk-nag 3's `HIPAASecurityChecks` (`verbose: false`) with `Validations.of(app).addPlugins`",
    "  (cdk-nag 3 is a CDK policy-validation plugin; v2's `Aspects.of(app).add` is gone) and calls `app.synth()`: constructs,",
    "  templates, the cloud assembly in `cdk.out/` and the validation report, printed on stderr as under `cdk synth`.",
    "  `CDK_VALIDATION=false` turns off CDK's built-in CloudFormation validation (a WebAssembly template linter, on by default",
    "  since it shipped; `cdk synth --no-validation`), so that this row is synthesis + the HIPAA pack only.",
    "  The app exits 0 although the pack reports errors (it resets the exit code CDK sets for a failed validation).",
    "- **CDK + cdk-nag HIPAA, default validation**: the same app with CDK's defaults, built-in CloudFormation validation on.",
    "- All load their dependencies from `node_modules` (the repo's for the Pulumi tools, `bench/cdk/`'s for CDK), on the same Node,",
    "  with no extra flags: no `--max-old-space-size`, no `--max-semi-space-size`. `cdk.out/` is deleted before each CDK run (untimed).",
    "- Before the timed runs each tool runs once untimed (warms the OS file cache and checks the counts, see Estates; phiguard's",
    "  plan and check report are written to `bench/out/plan-<size>.json` and `bench/out/check-<size>.json` for that).",
  );
  return lines.join("\n") + "\n";
}

/** measurements.json written before phiguard check was measured called `phiguard plan` "phiguard". */
function upgrade(m: Measurements): Measurements {
  const legacy = <T extends { tool: string }>(x: T): T => (x.tool === "phiguard" ? { ...x, tool: "plan" } : x);
  return { ...m, runs: m.runs.map(legacy), checks: m.checks.map(legacy), profiles: m.profiles.map(legacy) };
}

function main(): void {
  const { sizes, runs: runsPerSize, results, profile: wantProfile, reportOnly, tools } = args(process.argv.slice(2));
  const saved = path.join(OUT, "measurements.json");
  if (reportOnly) {
    const m = upgrade(JSON.parse(fs.readFileSync(saved, "utf8")) as Measurements);
    // Re-bucket the saved profiles, so changes to profile.ts show without measuring again.
    const profiles = m.profiles.map((x) =>
      x.file && fs.existsSync(path.join(ROOT, x.file)) ? { ...x, ...summariseProfile(path.join(ROOT, x.file)) } : x,
    );
    fs.writeFileSync(results, report({ ...m, profiles }));
    log(`re-rendered ${path.relative(ROOT, results)} from ${path.relative(ROOT, saved)}`);
    return;
  }
  if (!fs.existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} not found: apt-get install -y time`);
  if (!fs.existsSync(path.join(ROOT, "dist", "cli", "main.js"))) throw new Error("dist/cli/main.js not found: run npm run build first");
  const withCdk = tools.some(isCdk);
  if (withCdk && !fs.existsSync(path.join(CDK_MODULES, "aws-cdk-lib"))) throw new Error(`${CDK_MODULES} not found: npm ci --prefix bench/cdk (bench/run.sh does it)`);
  fs.mkdirSync(OUT, { recursive: true });
  const started = new Date().toISOString();
  const loadBefore = os.loadavg();
  const machineLines = machine(snapshotPhiguard());
  const estates: { size: number; estate: Estate; tscS: number; dir: string }[] = [];
  for (const size of sizes) {
    const prepared = prepare(size, withCdk);
    const cfn = planCdk(prepared.estate);
    log(
      `estate ${size}: ${prepared.estate.units.length} units, tsc ${prepared.tscS.toFixed(1)} s, ${prepared.dir}` +
        (withCdk ? `; CDK twin: ${cfn.resources} CloudFormation resources in ${Object.keys(cfn.stacks).length} stacks, ${cdkDir(size)}` : ""),
    );
    estates.push({ size, ...prepared });
  }
  const checks: Check[] = [];
  const runs: Run[] = [];
  for (const { size, estate } of estates) {
    checks.push(...verify(size, estate, tools));
    for (let run = 1; run <= runsPerSize; run++) {
      for (const tool of tools) {
        if (isCdk(tool)) fs.rmSync(path.join(cdkDir(size), "cdk.out"), { recursive: true, force: true });
        const m = measure(commandFor(tool, size), okExit(tool));
        const entry: Run = { size, tool, run, ok: m.ok, wallS: m.wallS, cpuS: m.cpuS, rssMB: m.rssMB, ...(m.note ? { note: m.note } : {}) };
        runs.push(entry);
        log(`${size} ${tool} #${run}: ${m.ok ? "ok" : "FAILED"} ${fmt(m.wallS, 2)} s wall, ${fmt(m.cpuS, 2)} s cpu, ${fmt(m.rssMB, 0)} MB${m.note ? ` (${m.note})` : ""}`);
      }
    }
  }
  const stacks = tools.includes("check") ? measureStacks(runsPerSize) : [];
  const largest = estates[estates.length - 1];
  // The plan-only profile adds little next to check's; profile the headline and the baselines.
  const profiles = wantProfile && largest ? profile(largest.size, tools.filter((t) => t !== "plan" || !tools.includes("check"))) : [];
  const measurements: Measurements = {
    runs,
    checks,
    estates: estates.map(({ size, tscS }) => ({ size, tscS })),
    runsPerSize,
    started,
    finished: new Date().toISOString(),
    loadBefore,
    loadAfter: os.loadavg(),
    profiles,
    machine: machineLines,
    tools,
    stacks,
  };
  fs.writeFileSync(saved, JSON.stringify(measurements, null, 2) + "\n");
  fs.writeFileSync(results, report(measurements));
  log(`wrote ${path.relative(ROOT, results)}`);
}

main();
