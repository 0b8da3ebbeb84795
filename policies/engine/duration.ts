/**
 * Custom timeouts as the Pulumi engine hands them to analyzers: the SDK registers strings such as
 * `"10m"` or `"1h30m"`, the engine parses them with Go's `time.ParseDuration` and sends seconds.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  "\u00b5s": 1e-6, // µs (micro sign)
  "\u03bcs": 1e-6, // μs (Greek mu)
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

const TERM = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/y;

/**
 * Seconds in a Go duration string; `""` (not set) is 0. Returns undefined if the text is not a
 * valid Go duration.
 */
export function durationSeconds(text: string): number | undefined {
  if (text === "") return 0;
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") return undefined;
  let total = 0;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < rest.length) {
    const match = TERM.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  }
  return sign * total;
}
