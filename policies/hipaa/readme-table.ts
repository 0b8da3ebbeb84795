/** Where the README keeps the generated rule table, between two markers. */
import { PhiguardError } from "../../cli/errors";

export const RULES_BEGIN = "<!-- rules:begin -->";
export const RULES_END = "<!-- rules:end -->";

export function ruleTableOf(readme: string): string {
  const begin = readme.indexOf(RULES_BEGIN);
  const end = readme.indexOf(RULES_END);
  if (begin < 0 || end < begin) throw new PhiguardError(`README.md: the markers ${RULES_BEGIN} and ${RULES_END} are missing`);
  return readme.slice(begin + RULES_BEGIN.length, end).replace(/^\n/, "");
}

export function replaceRuleTable(readme: string, table: string): string {
  const begin = readme.indexOf(RULES_BEGIN);
  const end = readme.indexOf(RULES_END);
  if (begin < 0 || end < begin) throw new PhiguardError(`README.md: the markers ${RULES_BEGIN} and ${RULES_END} are missing`);
  return `${readme.slice(0, begin + RULES_BEGIN.length)}\n${table}${readme.slice(end)}`;
}
