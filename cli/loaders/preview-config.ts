/**
 * The `config` map of a preview digest. The engine blinds secrets before writing it
 * (pkg/engine/events.go, `preludeEvent` with a `BlindingDecrypter`): a secret value reads `[secret]`,
 * an object with a secret inside reads `{"token":"[secret]"}`. Either becomes the SECRET marker.
 */
import { SECRET, type PlanValue } from "../plan";
import { BLINDED_SECRET } from "./pulumi-signatures";

export function toPlanConfig(config: Readonly<Record<string, string>> | null | undefined): Record<string, PlanValue> {
  const entries = Object.entries(config ?? {}).map(([key, value]) => [key, isBlinded(value) ? SECRET : value] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function isBlinded(value: string): boolean {
  if (value === BLINDED_SECRET) return true;
  // A string member of JSON reading exactly "[secret]"; a false positive only hides a value.
  const json = value.startsWith("{") || value.startsWith("[");
  return json && value.includes(JSON.stringify(BLINDED_SECRET));
}
