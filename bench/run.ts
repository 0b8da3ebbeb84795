/**
 * The planner benchmark: `phiguard plan` against the SDK's vanilla `setMocks` runtime on the same
 * generated estates, in one run, each measurement a fresh process (cold start), wall time and peak
 * RSS from GNU time. Writes bench/RESULTS.md. Run through bench/run.sh (it compiles this file).
 *
 *   node bench/out/js/run.js [--sizes 1000,5000] [--runs 3] [--results bench/RESULTS.md] [--no-profile]
 *   node bench/out/js/run.js --report-only     re-render RESULTS.md from bench/out/measurements.json
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planEstate, renderEstate, writeEstate, type Estate } from "./estate/generate";
import { BUCKETS, summariseProfile } from "./profile";

const BENCH = path.resolve(__dirname, "..", "..");
const ROOT = path.resolve(BENCH, "..");
const OUT = path.join(BENCH, "out");
/** phiguard is measured from a copy of bin/ + dist/ taken at the start: others may rebuild dist/ mid-run. */
const SNAPSHOT = path.join(OUT, "phiguard");
const GNU_TIME = "/usr/bin/time";
/** Generous, so the benchmark measures a long plan instead of phiguard's 60 s default cutting it off. */
const PLAN_TIMEOUT_S = 900;
/** A run still going after this is killed and recorded as such. */
const KILL_AFTER_S = 20 * 60;

type Tool = "phiguard" | "vanilla";

interface Run {
  readonly size: number;
  readonly tool: Tool;
  readonly run: number;
  readonly ok: boolean;
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMB: number;
  readonly note?: string;
}

interface Check {
  readonly size: number;
  readonly tool: Tool;
  readonly resources: number | undefined;
  readonly matches: boolean;
  readonly note: string;
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
}

function args(argv: string[]): { sizes: number[]; runs: number; results: string; profile: boolean; reportOnly: boolean } {
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
  };
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function commandFor(tool: Tool, dir: string, output: string, nodeFlags: string[] = []): string[] {
  return tool === "phiguard"
    ? ["node", ...nodeFlags, path.join(SNAPSHOT, "bin", "phiguard.js"), "plan", dir, "--stack", "bench", "--timeout", String(PLAN_TIMEOUT_S), "-o", output]
    : ["node", ...nodeFlags, path.join(BENCH, "vanilla-mocks.js"), dir, "bench"];
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
function measure(command: string[]): { ok: boolean; wallS: number; cpuS: number; rssMB: number; stdout: string; note?: string } {
  const timeFile = path.join(OUT, "time.txt");
  fs.rmSync(timeFile, { force: true });
  // coreutils `timeout` kills a runaway run; GNU time then reports it (wait4 folds the child's usage into timeout's).
  const child = spawnSync(GNU_TIME, ["-f", "%e %U %S %M", "-o", timeFile, "timeout", "-s", "KILL", String(KILL_AFTER_S), ...command], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const [wall, user, sys, rssKB] = fs.existsSync(timeFile)
    ? fs.readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number)
    : [NaN, NaN, NaN, NaN];
  const ok = child.status === 0;
  const note = ok
    ? undefined
    : child.status === 137
      ? `killed after ${KILL_AFTER_S / 60} min (or by the OOM killer): ${reason(child.stderr ?? "")}`
      : `exit ${child.status ?? child.signal}: ${reason(child.stderr ?? "")}`;
  return { ok, wallS: wall!, cpuS: user! + sys!, rssMB: rssKB! / 1024, stdout: child.stdout ?? "", ...(note ? { note } : {}) };
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

function prepare(size: number): { dir: string; estate: Estate; tscS: number } {
  const dir = path.join(OUT, `estate-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const estate = planEstate(size);
  writeEstate(dir, renderEstate(estate));
  // Type-check against @pulumi/aws 7.x and emit bin/index.js for the vanilla baseline (untimed).
  const started = Date.now();
  const tsc = spawnSync("node", [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { cwd: ROOT, encoding: "utf8" });
  if (tsc.status !== 0) throw new Error(`${dir}: the generated program does not type-check:\n${tsc.stdout}${tsc.stderr}`);
  return { dir, estate, tscS: (Date.now() - started) / 1000 };
}

/** One untimed run of each tool that also checks both register exactly what the generator planned. */
function verify(size: number, dir: string, estate: Estate): Check[] {
  const planFile = path.join(OUT, `plan-${size}.json`);
  const checks: Check[] = [];
  const phiguard = measure(commandFor("phiguard", dir, planFile));
  if (!phiguard.ok) {
    checks.push({ size, tool: "phiguard", resources: undefined, matches: false, note: phiguard.note ?? "failed" });
  } else {
    const plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as { resources: { type: string }[] };
    const byType: Record<string, number> = {};
    for (const r of plan.resources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    const diff = sameCounts(estate.byType, byType);
    checks.push({ size, tool: "phiguard", resources: plan.resources.length, matches: diff === "", note: diff || "plan matches the generator's counts by type" });
  }
  const vanilla = measure(commandFor("vanilla", dir, ""));
  if (!vanilla.ok) {
    checks.push({ size, tool: "vanilla", resources: undefined, matches: false, note: vanilla.note ?? "failed" });
  } else {
    const report = JSON.parse(vanilla.stdout) as { resources: number; byType: Record<string, number> };
    const diff = sameCounts(estate.byType, report.byType);
    checks.push({ size, tool: "vanilla", resources: report.resources, matches: diff === "", note: diff || "registrations match the generator's counts by type" });
  }
  for (const c of checks) log(`verify ${size} ${c.tool}: ${c.resources ?? "-"} resources; ${c.note}`);
  return checks;
}

/** One extra run per tool under `node --cpu-prof` (not part of the timings), summarised by bucket. */
function profile(size: number, dir: string): Profiled[] {
  const out: Profiled[] = [];
  for (const tool of ["phiguard", "vanilla"] as const) {
    const profDir = path.join(OUT, "prof", `${tool}-${size}`);
    fs.rmSync(profDir, { recursive: true, force: true });
    const m = measure(commandFor(tool, dir, "/dev/null", ["--cpu-prof", `--cpu-prof-dir=${profDir}`]));
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

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
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
    `- phiguard: commit ${git || "?"}${dirty ? " with uncommitted changes in cli/ or policies/ (work in progress)" : ""}; ` +
      `\`dist/\` built by \`npm run build\` at ${distBuilt} UTC and copied to bench/out/phiguard/ before the first run`,
  ];
}

const fmt = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toFixed(digits) : "n/a");
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "n/a");
const cell = (text: string): string => text.replace(/\|/g, "\\|");

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
  const ok = runs.filter((r) => r.size === size && r.tool === tool && r.ok);
  return {
    okCount: ok.length,
    total: runs.filter((r) => r.size === size && r.tool === tool).length,
    wall: median(ok.map((r) => r.wallS)),
    min: Math.min(...ok.map((r) => r.wallS)),
    max: Math.max(...ok.map((r) => r.wallS)),
    cpu: median(ok.map((r) => r.cpuS)),
    rss: median(ok.map((r) => r.rssMB)),
  };
}

/** Conclusions computed from the numbers, so a re-run rewrites them too. */
function findings(m: Measurements): string[] {
  const out: string[] = [];
  const sizes = m.estates.map((e) => e.size);
  for (const size of sizes) {
    const [p, v] = [statsOf(m.runs, size, "phiguard"), statsOf(m.runs, size, "vanilla")];
    out.push(
      `- ${size.toLocaleString("en-US")} resources: \`phiguard plan\` takes ${ratio(p.wall, v.wall)} the wall time, ${ratio(p.cpu, v.cpu)} the CPU time ` +
        `and ${ratio(p.rss, v.rss)} the peak memory of the vanilla mock runtime (${fmt(p.wall, 1)} s vs ${fmt(v.wall, 1)} s wall, ` +
        `${fmt(p.cpu, 1)} s vs ${fmt(v.cpu, 1)} s CPU, ${fmt(p.rss, 0)} MB vs ${fmt(v.rss, 0)} MB).`,
    );
  }
  if (sizes.length >= 2) {
    const [a, b] = [sizes[0]!, sizes[sizes.length - 1]!];
    const per = (tool: Tool): string => fmt(((statsOf(m.runs, b, tool).rss - statsOf(m.runs, a, tool).rss) * 1024) / (b - a), 0);
    const grow = (tool: Tool): string => ratio(statsOf(m.runs, b, tool).cpu, statsOf(m.runs, a, tool).cpu);
    out.push(
      `- From ${a.toLocaleString("en-US")} to ${b.toLocaleString("en-US")} resources (${ratio(b, a)}): CPU time grows ${grow("phiguard")} for phiguard and ` +
        `${grow("vanilla")} for vanilla; each extra resource costs about ${per("phiguard")} KB of peak RSS under phiguard and ${per("vanilla")} KB under vanilla.`,
    );
  }
  const slow = m.runs.filter((r) => r.tool === "phiguard" && r.ok && r.wallS > 60);
  if (slow.length > 0) {
    const bySize = [...new Set(slow.map((r) => r.size))].map((s) => `${slow.filter((r) => r.size === s).length} of ${m.runs.filter((r) => r.tool === "phiguard" && r.size === s).length} at ${s.toLocaleString("en-US")}`);
    out.push(
      `- phiguard runs above 60 s wall: ${bySize.join(", ")}. With its default \`--timeout 60\` (this benchmark passes ${PLAN_TIMEOUT_S}), ` +
        "`phiguard plan` would have reported those plans as hung.",
    );
  }
  const long = m.runs.filter((r) => r.wallS > 120);
  if (long.length > 0) {
    out.push(`- Runs above 2 minutes wall: ${long.map((r) => `${r.tool} ${r.size.toLocaleString("en-US")} #${r.run} (${fmt(r.wallS, 0)} s)`).join(", ")}.`);
  }
  const failed = m.runs.filter((r) => !r.ok);
  if (failed.length > 0) out.push(`- Failed runs: ${failed.map((r) => `${r.tool} ${r.size} #${r.run}: ${cell(r.note ?? "")}`).join("; ")}.`);
  const load = Math.max(...m.loadBefore, ...m.loadAfter);
  if (load > os.cpus().length) {
    out.push(
      `- The machine was shared and busy (load average up to ${fmt(load, 1)} on ${os.cpus().length} cores): wall times include waiting for a CPU ` +
        "and vary from run to run; the CPU column is the steadier comparison, and both tools ran interleaved under the same load. " +
        "Expect lower absolute numbers on an idle machine.",
    );
  }
  const [pp, vp] = [m.profiles.find((x) => x.tool === "phiguard"), m.profiles.find((x) => x.tool === "vanilla")];
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
      `- Profile of the ${pp.size.toLocaleString("en-US")} estate (seconds are wall-clock samples of the main thread, inflated by the load ` +
        `like the wall column; phiguard vs vanilla): ` +
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
    if ((pp.shares["stack traces mapped through source maps"] ?? 0) > 0.05) {
      out.push(
        "  phiguard's TypeScript loader turns on `process.setSourceMapsEnabled(true)` (cli/planner/typescript.ts) so that stack traces " +
          "and source positions point at the program's `.ts` lines; every stack trace still formatted (e.g. the SDK's per-resource " +
          `source position) is then mapped frame by frame: "stack traces mapped through source maps" is ${pct(pp, ((pp.shares["stack traces mapped through source maps"] ?? 0) * pp.totalMs) / 1000)} of phiguard's samples.`,
      );
    }
  }
  return out;
}

function report(m: Measurements): string {
  const opts = { ...m, estates: m.estates.map((e) => ({ ...e, estate: planEstate(e.size) })), started: new Date(m.started), finished: new Date(m.finished) };
  const lines: string[] = [];
  const push = (...l: string[]): void => void lines.push(...l);
  push(
    "# Planner benchmark: `phiguard plan` vs the SDK's vanilla `setMocks`",
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
    `Median of ${opts.runsPerSize} cold runs per tool and size, each a fresh \`node\` process, runs of the two tools interleaved.`,
    "Wall and peak RSS are GNU time's `%e` and `%M` for the whole process; CPU is user + sys.",
    "",
    "| Estate | Tool | OK runs | Median wall s | Wall min–max s | Median CPU s | Median peak RSS MB | phiguard / vanilla (wall) | phiguard / vanilla (RSS) |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const { size } of opts.estates) {
    const stats = (tool: Tool): Stats => statsOf(opts.runs, size, tool);
    const p = stats("phiguard");
    const v = stats("vanilla");
    const row = (tool: string, s: Stats, ratios: string): string =>
      `| ${size.toLocaleString("en-US")} | ${tool} | ${s.okCount}/${s.total} | ${fmt(s.wall, 2)} | ${fmt(s.min, 2)}–${fmt(s.max, 2)} | ${fmt(s.cpu, 2)} | ${fmt(s.rss, 0)} | ${ratios}`;
    push(row("`phiguard plan`", p, `**${ratio(p.wall, v.wall)}** | **${ratio(p.rss, v.rss)}** |`));
    push(row("vanilla `setMocks`", v, "1.00× | 1.00× |"));
  }
  push("", "## Findings", "", ...findings(m));
  push(
    "",
    "## Estates",
    "",
    "| Estate | Workload units | Resources registered: phiguard plan | vanilla mocks | Counts by type match the generator | `tsc` type-check + emit s (untimed) |",
    "|---:|---:|---:|---:|---|---:|",
  );
  for (const { size, estate, tscS } of opts.estates) {
    const c = (tool: Tool) => opts.checks.find((x) => x.size === size && x.tool === tool);
    const matches = [c("phiguard"), c("vanilla")].every((x) => x?.matches) ? "yes" : `**no**: ${[c("phiguard"), c("vanilla")].filter((x) => !x?.matches).map((x) => cell(`${x?.tool}: ${x?.note}`)).join("; ")}`;
    push(`| ${size.toLocaleString("en-US")} | ${estate.units.length} | ${c("phiguard")?.resources ?? "n/a"} | ${c("vanilla")?.resources ?? "n/a"} | ${matches} | ${fmt(tscS, 1)} |`);
  }
  const biggest = opts.estates[opts.estates.length - 1]?.estate;
  if (biggest) {
    push("", `Resource mix of the ${biggest.resources.toLocaleString("en-US")} estate (the smaller ones have the same proportions):`, "");
    push("| Type | Count |", "|---|---:|", ...Object.entries(biggest.byType).map(([t, n]) => `| \`${t}\` | ${n} |`));
  }
  push("", "## Raw runs", "", "| Estate | Tool | Run | OK | Wall s | CPU s | Peak RSS MB | Note |", "|---:|---|---:|---|---:|---:|---:|---|");
  for (const r of opts.runs) {
    push(`| ${r.size} | ${r.tool} | ${r.run} | ${r.ok ? "yes" : "**no**"} | ${fmt(r.wallS, 2)} | ${fmt(r.cpuS, 2)} | ${fmt(r.rssMB, 0)} | ${cell(r.note ?? "")} |`);
  }
  if (opts.profiles.length > 0) {
    const [p, v] = [opts.profiles.find((x) => x.tool === "phiguard"), opts.profiles.find((x) => x.tool === "vanilla")];
    push(
      "",
      `## Where the time goes (${opts.profiles[0]!.size.toLocaleString("en-US")} estate, one extra run per tool under \`node --cpu-prof\`)`,
      "",
      "Self time of the main thread by bucket (`bench/profile.ts`); a sample counts as \"stack traces\" when it runs under V8's",
      "stack formatting, whoever asked for the trace (the SDK's `debuggablePromise` for every promise, its per-resource source",
      "position). Seconds are share × profiled time, wall-clock samples. The profiles are in `bench/out/prof/`.",
      "",
      "| Bucket | phiguard % | phiguard s | vanilla % | vanilla s |",
      "|---|---:|---:|---:|---:|",
      ...BUCKETS.map(
        (b) =>
          `| ${b} | ${fmt(100 * (p?.shares[b] ?? NaN))} | ${fmt(((p?.shares[b] ?? NaN) * (p?.totalMs ?? NaN)) / 1000)} | ${fmt(100 * (v?.shares[b] ?? NaN))} | ${fmt(((v?.shares[b] ?? NaN) * (v?.totalMs ?? NaN)) / 1000)} |`,
      ),
      `| **profiled total** | | ${fmt((p?.totalMs ?? NaN) / 1000)} | | ${fmt((v?.totalMs ?? NaN) / 1000)} |`,
      ...opts.profiles.filter((x) => x.note).map((x) => `\n${x.tool}: profile failed: ${cell(x.note ?? "")}`),
    );
  }
  push(
    "",
    "## How the two runs differ (by design)",
    "",
    "- **phiguard**: `node bench/out/phiguard/bin/phiguard.js plan <estate> --stack bench --timeout " + PLAN_TIMEOUT_S + " -o /dev/null`",
    "  (a copy of `bin/` + `dist/` taken at the start). It loads the CLI, reads `Pulumi.yaml` + `Pulumi.bench.yaml`, transpiles",
    "  `index.ts` on load (TypeScript `transpileModule`, no type-check, as the Pulumi CLI does), runs it under its recording",
    "  monitor with preview semantics, converts every registration into a Plan resource (props, dependencies, property",
    "  dependencies, options, region, source position) and serialises the Plan as JSON. No policy is evaluated by `plan`.",
    "  `--timeout " + PLAN_TIMEOUT_S + "` replaces the 60 s default so that a long plan is measured rather than cut off; a wall time above 60 s",
    "  in the table means the default `phiguard plan` would have failed as \"hung\".",
    "- **vanilla**: `node bench/vanilla-mocks.js <estate> bench` runs the estate **compiled to JS beforehand** (`tsc -p <estate>`",
    "  emits `bin/index.js`; that compile is not timed) under `pulumi.runtime.setMocks` with preview = true and mocks that return",
    "  the inputs as state, inside `runInPulumiStack` (so the stack resource registers, as under the language host), then",
    "  `disconnect()` to drain the RPC queue. It only counts registrations: no Plan, no JSON, no policy.",
    "- Both load the same `@pulumi/pulumi` and `@pulumi/aws` from the repo's `node_modules`, on the same Node, with no extra",
    "  flags: no `--max-old-space-size`, no `--max-semi-space-size`.",
    "- Before the timed runs each tool runs once untimed (warms the OS file cache, checks the registered resources by type",
    "  against the generator's own count; phiguard's plan is written to `bench/out/plan-<size>.json` for that).",
  );
  return lines.join("\n") + "\n";
}

function main(): void {
  const { sizes, runs: runsPerSize, results, profile: wantProfile, reportOnly } = args(process.argv.slice(2));
  const saved = path.join(OUT, "measurements.json");
  if (reportOnly) {
    const m = JSON.parse(fs.readFileSync(saved, "utf8")) as Measurements;
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
  fs.mkdirSync(OUT, { recursive: true });
  const started = new Date().toISOString();
  const loadBefore = os.loadavg();
  const machineLines = machine(snapshotPhiguard());
  const estates: { size: number; estate: Estate; tscS: number; dir: string }[] = [];
  for (const size of sizes) {
    const prepared = prepare(size);
    log(`estate ${size}: ${prepared.estate.units.length} units, tsc ${prepared.tscS.toFixed(1)} s, ${prepared.dir}`);
    estates.push({ size, ...prepared });
  }
  const checks: Check[] = [];
  const runs: Run[] = [];
  for (const { size, dir, estate } of estates) {
    checks.push(...verify(size, dir, estate));
    for (let run = 1; run <= runsPerSize; run++) {
      for (const tool of ["phiguard", "vanilla"] as const) {
        const m = measure(commandFor(tool, dir, "/dev/null"));
        const entry: Run = { size, tool, run, ok: m.ok, wallS: m.wallS, cpuS: m.cpuS, rssMB: m.rssMB, ...(m.note ? { note: m.note } : {}) };
        runs.push(entry);
        log(`${size} ${tool} #${run}: ${m.ok ? "ok" : "FAILED"} ${fmt(m.wallS, 2)} s wall, ${fmt(m.cpuS, 2)} s cpu, ${fmt(m.rssMB, 0)} MB${m.note ? ` (${m.note})` : ""}`);
      }
    }
  }
  const largest = estates[estates.length - 1];
  const profiles = wantProfile && largest ? profile(largest.size, largest.dir) : [];
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
  };
  fs.writeFileSync(saved, JSON.stringify(measurements, null, 2) + "\n");
  fs.writeFileSync(results, report(measurements));
  log(`wrote ${path.relative(ROOT, results)}`);
}

main();
