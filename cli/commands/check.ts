/** `phiguard check`: the CI policy gate. Exit 0 pass, 1 mandatory violations, 2 error. */
import type { Argv, CommandModule } from "yargs";
import { renderReport, REPORT_FORMATS } from "../reporters";
import { programOptions, type ProgramArgs } from "./options";
import { writeOutput } from "./output";
import { parseReportTargets, toList } from "./formats";
import { runChecks, stackList } from "./run-checks";
import type { PlanFileFormat } from "../loaders";
import { ENGINES, type Engine } from "../check";

interface CheckArgs extends Omit<ProgramArgs, "stack"> {
  stack?: string | string[];
  plan?: string;
  from?: PlanFileFormat;
  format?: string | string[];
  output?: string | string[];
  color?: boolean;
  rules?: string | string[];
  quiet?: boolean;
  engine?: Engine;
}

/** Shown under `check --help` and `report --help` (yargs shows the top-level epilogue only in `phiguard --help`). */
export const EXIT_CODES = "Exit codes: 0 pass, 1 mandatory HIPAA violations, 2 usage, input or evaluation error.";

/** Options `check` shares with `report` and the deploy commands: several stacks, extra rules, quiet. */
export function gateOptions<T>(yargs: Argv<T>): Argv<T> {
  return yargs
    .option("stack", {
      describe:
        "Stack whose Pulumi.<stack>.yaml config is used (default: phiguard.yaml `stack`, or the only stack file). Repeat to check several stacks: each is planned and reported, the exit code is the worst",
      type: "string",
    })
    .option("rules", {
      describe: "Also run the rules of this module (.js or .ts exporting `default` or `rules`: an array of phiguard rules). Repeatable",
      type: "string",
    })
    .option("quiet", {
      alias: "q",
      describe: "No progress on stderr (by default: a spinner on a terminal; in CI one line per stack when several are checked)",
      type: "boolean",
    }) as Argv<T>;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: "check [dir]",
  describe: "Plan a Pulumi program offline (or read a preview/state file) and gate it on the HIPAA pack",
  builder: (yargs) =>
    gateOptions(programOptions(yargs))
      .option("plan", {
        describe: "Gate on this file instead of running the program: `pulumi preview --json` output, `pulumi stack export`, or `phiguard plan` output",
        type: "string",
      })
      .option("from", {
        describe: "What --plan holds (default: detected from the file)",
        choices: ["preview", "state", "plan"] as const,
      })
      .option("format", {
        alias: "f",
        describe: `Report format: ${REPORT_FORMATS.join(", ")} (md = markdown). Repeat for several reports from one run, giving each its destination as FORMAT=FILE (FORMAT=- for stdout); at most one goes to stdout. Default: text`,
        type: "string",
      })
      .option("output", {
        alias: "o",
        describe: "Write the report to this file instead of stdout (with a single --format; for several use FORMAT=FILE)",
        type: "string",
      })
      .option("engine", {
        describe: "Which engine evaluates the pack: ts (the TypeScript rules), rego (the compiled Rego pack, its rules only), or both (an error if they disagree)",
        choices: ENGINES,
        default: "ts" as const,
      })
      .option("color", { describe: "Colour the text report (default: when stdout is a terminal and NO_COLOR is unset)", type: "boolean" })
      .example("$0 check", "plan the program in the current directory and gate it")
      .example("$0 check infra --stack prod --format json -o phiguard.json", "gate the prod stack, JSON report")
      .example("$0 check -f text -f sarif=phiguard.sarif -f junit=junit.xml -f md=summary.md", "text on stdout plus SARIF, JUnit and Markdown files")
      .example("$0 check --stack staging --stack prod", "plan and gate two stacks (fails if either fails)")
      .example("$0 check --rules ./policies/org-rules.ts", "the HIPAA pack plus your own rules")
      .example("pulumi preview --json > preview.json && $0 check --plan preview.json", "gate a real preview")
      .epilogue(EXIT_CODES) as never,
  handler: async (args) => {
    // Usage errors first, before any program runs.
    const targets = parseReportTargets(args.format, args.output);
    const stacks = stackList(args.stack);
    const checks = await runChecks({
      dir: args.dir,
      stacks,
      ...(args.plan ? { planFile: args.plan } : {}),
      ...(args.from ? { from: args.from } : {}),
      ...(args.config ? { configFile: args.config } : {}),
      ...(args.timeout ? { timeoutSeconds: args.timeout } : {}),
      ruleFiles: toList(args.rules),
      quiet: args.quiet ?? false,
      engine: args.engine ?? "ts",
    });
    for (const target of targets) {
      const color = args.color ?? (!target.file && process.stdout.isTTY === true && !process.env.NO_COLOR);
      writeOutput(renderReport(target.format, checks, { color }), target.file);
    }
    process.exitCode = checks.every((c) => c.result.passed) ? 0 : 1;
  },
};
