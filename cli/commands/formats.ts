/**
 * `--format` / `--output` of `phiguard check`: one or several reports from one run.
 *
 * - `--format json -o report.json`: one report, to a file (`-o -` or no `-o`: stdout).
 * - `--format text --format sarif=phiguard.sarif --format junit=junit.xml`: several reports; each
 *   format may carry its own destination as `FORMAT=FILE`. At most one report goes to stdout.
 */
import { PhiguardError } from "../errors";
import { FORMAT_ALIASES, REPORT_FORMATS, type ReportFormat } from "../reporters";

export interface ReportTarget {
  readonly format: ReportFormat;
  /** A file, or undefined for stdout. */
  readonly file?: string;
}

const EXPECTED = `${REPORT_FORMATS.slice(0, -1).join(", ")} or ${REPORT_FORMATS[REPORT_FORMATS.length - 1]}, optionally as FORMAT=FILE (e.g. sarif=phiguard.sarif)`;

export function parseFormatName(name: string, given: string): ReportFormat {
  const key = name.trim().toLowerCase();
  const format = (REPORT_FORMATS as readonly string[]).includes(key) ? (key as ReportFormat) : FORMAT_ALIASES[key];
  if (!format) throw new PhiguardError(`Invalid values: --format ${given}; expected ${EXPECTED}`);
  return format;
}

export function parseReportTargets(formats: string | readonly string[] | undefined, outputs: string | readonly string[] | undefined): ReportTarget[] {
  const given = toList(formats);
  const outs = toList(outputs);
  if (outs.length > 1) {
    throw new PhiguardError(`--output is given ${outs.length} times; for several reports give each its file as --format FORMAT=FILE`);
  }
  const targets = (given.length > 0 ? given : ["text"]).map((entry): ReportTarget => {
    const eq = entry.indexOf("=");
    if (eq === -1) return { format: parseFormatName(entry, entry) };
    const file = entry.slice(eq + 1).trim();
    if (file === "") throw new PhiguardError(`Invalid values: --format ${entry}; expected a file after '=' (FORMAT=FILE, or FORMAT=- for stdout)`);
    const format = parseFormatName(entry.slice(0, eq), entry);
    return file === "-" ? { format } : { format, file };
  });
  const withoutFile = targets.filter((t) => !t.file);
  const [output] = outs;
  if (output !== undefined) {
    if (targets.length > 1 || withoutFile.length !== 1) {
      throw new PhiguardError(`--output applies to a single --format; with several reports give each its file as --format FORMAT=FILE`);
    }
    return output === "-" ? [{ format: targets[0]!.format }] : [{ format: targets[0]!.format, file: output }];
  }
  if (withoutFile.length > 1) {
    throw new PhiguardError(
      `${withoutFile.map((t) => t.format).join(" and ")} would all go to stdout; give all but one a file, e.g. --format ${withoutFile[1]!.format}=phiguard.${withoutFile[1]!.format === "junit" ? "xml" : withoutFile[1]!.format}`,
    );
  }
  const files = targets.filter((t) => t.file).map((t) => t.file!);
  const dup = files.find((f, i) => files.indexOf(f) !== i);
  if (dup) throw new PhiguardError(`--format: two reports would both be written to ${dup}`);
  return targets;
}

export function toList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
