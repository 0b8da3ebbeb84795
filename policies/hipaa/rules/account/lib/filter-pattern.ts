/**
 * A small evaluator of CloudWatch Logs JSON filter patterns, as pure functions.
 *
 * It implements ONLY the subset of the syntax that phiguard's security metric filters (and the CIS
 * AWS Foundations Benchmark's reference patterns, once parenthesised) use:
 *
 * - a pattern in braces: `{ <expression> }`;
 * - property selectors `$.a.b.c` (object keys of letters, digits, `_` and `-`; array indexes `[n]`);
 * - comparisons `<selector> = <value>` and `<selector> != <value>`, where the value is a quoted
 *   string (`"AccessDenied*"`) or a bare word (`ConsoleLogin`), and `*` in it matches any run of
 *   characters (prefix, suffix or infix wildcard), case-sensitively;
 * - `<selector> EXISTS` and `<selector> NOT EXISTS`;
 * - `&&` and `||`, and parentheses. One level may not mix `&&` with `||`: CloudWatch Logs does not
 *   document their relative precedence, so a pattern must say it with parentheses, and this
 *   evaluator refuses to guess.
 *
 * Anything else (numeric comparisons, `IS NULL`, `IS TRUE`, space-delimited or regex patterns, ...)
 * is refused with a `FilterPatternError` naming what it met, never silently mis-evaluated.
 *
 * Semantics for a property the event does not have: every comparison on it (`=` and `!=`) is false,
 * `EXISTS` is false and `NOT EXISTS` is true. A string value only equals a string property; a bare
 * word of digits also equals the same number.
 */

/** A JSON value as a log event holds it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One step of a selector: an object key or an array index. */
export type PathStep = string | number;

export interface Comparison {
  readonly kind: "compare";
  /** The selector as written, e.g. `$.userIdentity.type`. */
  readonly selector: string;
  readonly path: readonly PathStep[];
  readonly operator: "=" | "!=";
  readonly value: string;
  /** True when the value was quoted in the pattern. */
  readonly quoted: boolean;
}

export interface Existence {
  readonly kind: "exists";
  readonly selector: string;
  readonly path: readonly PathStep[];
  /** `EXISTS` (true) or `NOT EXISTS` (false). */
  readonly exists: boolean;
}

export interface Junction {
  readonly kind: "and" | "or";
  readonly terms: readonly FilterExpression[];
}

export type Condition = Comparison | Existence;
export type FilterExpression = Condition | Junction;

function isJunction(e: FilterExpression): e is Junction {
  return e.kind === "and" || e.kind === "or";
}

/** A pattern outside the supported subset, or malformed. */
export class FilterPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterPatternError";
  }
}

type Token =
  | { readonly type: "{" | "}" | "(" | ")" | "&&" | "||" | "=" | "!="; readonly at: number }
  | { readonly type: "selector"; readonly text: string; readonly path: readonly PathStep[]; readonly at: number }
  | { readonly type: "string"; readonly text: string; readonly at: number }
  | { readonly type: "word"; readonly text: string; readonly at: number };

const SELECTOR_STEP = /^(?:\.([A-Za-z0-9_-]+)|\[(\d+)\])/;
const BARE_WORD = /^[^\s(){}&|=!"]+/;

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new FilterPatternError(`${what} at character ${i + 1} of the filter pattern ${JSON.stringify(pattern)}`);
  };
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const two = pattern.slice(i, i + 2);
    if (two === "&&" || two === "||" || two === "!=") {
      tokens.push({ type: two, at: i });
      i += 2;
      continue;
    }
    if (ch === "{" || ch === "}" || ch === "(" || ch === ")" || ch === "=") {
      tokens.push({ type: ch, at: i });
      i++;
      continue;
    }
    if (ch === "$") {
      const start = i;
      i++;
      const path: PathStep[] = [];
      for (let m = SELECTOR_STEP.exec(pattern.slice(i)); m; m = SELECTOR_STEP.exec(pattern.slice(i))) {
        path.push(m[1] !== undefined ? m[1] : Number(m[2]));
        i += m[0].length;
      }
      if (path.length === 0) fail("a selector without a property (expected `$.name`)");
      tokens.push({ type: "selector", text: pattern.slice(start, i), path, at: start });
      continue;
    }
    if (ch === '"') {
      const start = i;
      let text = "";
      i++;
      while (i < pattern.length && pattern[i] !== '"') {
        if (pattern[i] === "\\" && i + 1 < pattern.length) i++;
        text += pattern[i];
        i++;
      }
      if (i >= pattern.length) fail("an unterminated quoted string");
      i++;
      tokens.push({ type: "string", text, at: start });
      continue;
    }
    const word = BARE_WORD.exec(pattern.slice(i));
    if (word) {
      tokens.push({ type: "word", text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    fail(`an unsupported character ${JSON.stringify(ch)}`);
  }
  return tokens;
}

/** Parses a JSON filter pattern of the supported subset. Throws a `FilterPatternError` otherwise. */
export function parseFilterPattern(pattern: string): FilterExpression {
  const trimmed = pattern.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
    throw new FilterPatternError(
      `the filter pattern ${JSON.stringify(pattern)} is not a JSON filter pattern; expected \`{ $.property = "value" ... }\` (space-delimited and regular-expression patterns are outside the supported subset)`,
    );
  }
  const tokens = tokenize(trimmed);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what: string): never => {
    const token = peek();
    const where = token ? `at character ${token.at + 1}` : "at the end";
    throw new FilterPatternError(`${what} ${where} of the filter pattern ${JSON.stringify(pattern)}`);
  };
  const expect = (type: Token["type"]) => {
    if (peek()?.type !== type) fail(`expected \`${type}\``);
    pos++;
  };

  const condition = (): Condition => {
    const token = peek();
    if (!token || token.type !== "selector") return fail("expected a property selector such as `$.eventName`");
    pos++;
    const next = peek();
    if (next?.type === "=" || next?.type === "!=") {
      pos++;
      const value = peek();
      if (!value || (value.type !== "string" && value.type !== "word")) return fail("expected a value after the operator");
      pos++;
      return { kind: "compare", selector: token.text, path: token.path, operator: next.type, value: value.text, quoted: value.type === "string" };
    }
    if (next?.type === "word" && next.text === "EXISTS") {
      pos++;
      return { kind: "exists", selector: token.text, path: token.path, exists: true };
    }
    if (next?.type === "word" && next.text === "NOT" && tokens[pos + 1]?.type === "word" && (tokens[pos + 1] as { text: string }).text === "EXISTS") {
      pos += 2;
      return { kind: "exists", selector: token.text, path: token.path, exists: false };
    }
    return fail(`expected \`=\`, \`!=\`, \`EXISTS\` or \`NOT EXISTS\` after ${token.text} (other operators are outside the supported subset)`);
  };

  const unary = (): FilterExpression => {
    if (peek()?.type === "(") {
      pos++;
      const inner = expression();
      expect(")");
      return inner;
    }
    return condition();
  };

  const expression = (): FilterExpression => {
    const terms = [unary()];
    let junction: "&&" | "||" | undefined;
    for (let token = peek(); token && (token.type === "&&" || token.type === "||"); token = peek()) {
      if (junction !== undefined && token.type !== junction) {
        fail(`\`&&\` and \`||\` are mixed on one level without parentheses; group them explicitly, e.g. \`{ (A || B) && C }\``);
      }
      junction = token.type;
      pos++;
      terms.push(unary());
    }
    if (junction === undefined) return terms[0]!;
    return { kind: junction === "&&" ? "and" : "or", terms };
  };

  expect("{");
  const result = expression();
  expect("}");
  if (pos !== tokens.length) fail("unexpected text after the closing `}`");
  return result;
}

/** The value at `path` in `event`, and whether it is there at all. */
export function valueAt(event: JsonValue, path: readonly PathStep[]): { readonly found: boolean; readonly value?: JsonValue } {
  let current: JsonValue | undefined = event;
  for (const step of path) {
    if (current === null || typeof current !== "object") return { found: false };
    if (typeof step === "number") {
      if (!Array.isArray(current) || step >= current.length) return { found: false };
      current = (current as readonly JsonValue[])[step];
    } else {
      if (Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, step)) return { found: false };
      current = (current as { readonly [key: string]: JsonValue })[step];
    }
  }
  return current === undefined ? { found: false } : { found: true, value: current };
}

/** `value` (with `*` wildcards) against a string, case-sensitively. */
function wildcardMatch(value: string, text: string): boolean {
  if (!value.includes("*")) return value === text;
  const regex = new RegExp(`^${value.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s");
  return regex.test(text);
}

/** Whether one condition holds for `event`. */
export function conditionHolds(condition: Condition, event: JsonValue): boolean {
  const { found, value } = valueAt(event, condition.path);
  if (condition.kind === "exists") return found === condition.exists;
  if (!found) return false;
  let equal: boolean;
  if (typeof value === "string") equal = wildcardMatch(condition.value, value);
  else if (typeof value === "number") equal = !condition.quoted && /^-?\d+(\.\d+)?$/.test(condition.value) && Number(condition.value) === value;
  else equal = false;
  return condition.operator === "=" ? equal : !equal;
}

/** Evaluates a parsed pattern (or pattern text) against one log event. */
export function matchesFilterPattern(pattern: string | FilterExpression, event: JsonValue): boolean {
  const expression = typeof pattern === "string" ? parseFilterPattern(pattern) : pattern;
  const evaluate = (e: FilterExpression): boolean => {
    if (isJunction(e)) return e.kind === "and" ? e.terms.every(evaluate) : e.terms.some(evaluate);
    return conditionHolds(e, event);
  };
  return evaluate(expression);
}

/** Every condition of a pattern, in pattern order. */
export function conditionsOf(pattern: string | FilterExpression): Condition[] {
  const expression = typeof pattern === "string" ? parseFilterPattern(pattern) : pattern;
  const out: Condition[] = [];
  const walk = (e: FilterExpression) => {
    if (isJunction(e)) e.terms.forEach(walk);
    else out.push(e);
  };
  walk(expression);
  return out;
}
