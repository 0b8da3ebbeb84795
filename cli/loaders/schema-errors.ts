/**
 * Validates a parsed document against a zod schema and turns the first problem into a
 * `PhiguardError` that names the file and the field (zod's own messages name neither).
 */
import type { z } from "zod";
import { fieldError, kindOf, shown, type FieldPath } from "./field-errors";

type Issue = z.core.$ZodIssue & { readonly input?: unknown };

const ARTICLE_FOR: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "a boolean",
  object: "an object",
  record: "an object",
  array: "an array",
  nonoptional: "a value",
};

function describe(issue: Issue): string {
  const missing = !("input" in issue) || issue.input === undefined;
  switch (issue.code) {
    case "invalid_type": {
      const expected = ARTICLE_FOR[issue.expected] ?? issue.expected;
      return missing ? `missing, expected ${expected}` : `expected ${expected}, got ${kindOf(issue.input)}`;
    }
    case "invalid_value": {
      const expected = issue.values.map((v) => JSON.stringify(v)).join(" or ");
      return missing ? `missing, expected ${expected}` : `expected ${expected}, got ${shown(issue.input)}`;
    }
    default:
      return issue.message;
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string, at: FieldPath = []): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0] as Issue;
  throw fieldError(file, [...at, ...issue.path], describe(issue));
}
