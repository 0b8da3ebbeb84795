/**
 * `phiguard report --html`: the self-contained HTML evidence report for auditors (controls ×
 * resources, findings with remediation, waivers, coverage, resource graph). Same planning and
 * exit codes as `check` (0 pass, 1 mandatory violations, 2 error); the report is written either way.
 */
import type { CommandModule } from "yargs";
import { renderHtml } from "../reporters/html";
import { PhiguardError } from "../errors";
import { programOptions, type ProgramArgs } from "./options";
import { writeOutput } from "./output";
import { toList } from "./formats";
import { EXIT_CODES, gateOptions } from "./check";
import { runChecks, stackList } from "./run-checks";
import type { PlanFileFormat } from "../loaders";

interface ReportArgs extends Omit<ProgramArgs, "stack"> {
  html: boolean;
  stack?: string | string[];
  plan?: string;
  from?: PlanFileFormat;
  output: string;
  date?: string;
  rules?: string | string[];
  quiet?: boolean;
}

export const DEFAULT_REPORT_FILE = "phiguard-report.html";

const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report [dir]",
  describe: "Write a self-contained HTML evidence report (controls × resources, findings, waivers, coverage, resource graph)",
  builder: (yargs) =>
    gateOptions(programOptions(yargs))
      .option("html", {
        describe: "HTML evidence report (the only report format of this command; see `check --format` for the others)",
        type: "boolean",
        default: true,
      })
      .option("plan", {
        describe: "Report on this file instead of running the program: `pulumi preview --json` output, `pulumi stack export`, or `phiguard plan` output",
        type: "string",
      })
      .option("from", { describe: "What --plan holds (default: detected from the file)", choices: ["preview", "state", "plan"] as const })
      .option("output", {
        alias: "o",
        describe: "Where to write the report (- for stdout)",
        type: "string",
        default: DEFAULT_REPORT_FILE,
      })
      .option("date", {
        describe: "Date printed in the report, YYYY-MM-DD or an ISO timestamp (default: none, so the same plan gives the same file)",
        type: "string",
      })
      .example("$0 report --html --stack prod -o evidence/prod.html", "evidence for the prod stack")
      .example("$0 report --plan preview.json --date 2025-06-30", "report on a real preview, dated")
      .epilogue(`${EXIT_CODES} The report is written in every case but exit code 2.`) as never,
  handler: async (args) => {
    if (args.html === false) throw new PhiguardError("report writes HTML only; use `phiguard check --format` for text, JSON, SARIF, JUnit or Markdown");
    if (Array.isArray(args.output)) throw new PhiguardError("--output is given more than once; report writes one file");
    if (args.date !== undefined && !DATE.test(args.date)) {
      throw new PhiguardError(`--date '${args.date}' is not a date; expected YYYY-MM-DD or an ISO timestamp such as 2025-06-30T12:00:00Z`);
    }
    const checks = await runChecks({
      dir: args.dir,
      stacks: stackList(args.stack),
      ...(args.plan ? { planFile: args.plan } : {}),
      ...(args.from ? { from: args.from } : {}),
      ...(args.config ? { configFile: args.config } : {}),
      ...(args.timeout ? { timeoutSeconds: args.timeout } : {}),
      ruleFiles: toList(args.rules),
      quiet: args.quiet ?? false,
    });
    writeOutput(renderHtml(checks, args.date ? { date: args.date } : {}), args.output);
    if (!args.quiet && args.output !== "-") process.stderr.write(`phiguard: wrote ${args.output}\n`);
    process.exitCode = checks.every((c) => c.result.passed) ? 0 : 1;
  },
};
