/** One `ResourceV3` as a Plan resource (its region is settled later, once every provider is known). */
import type { PlannedResource } from "../plan";
import type { FieldPath } from "./field-errors";
import { toResourceOptions } from "./resource-options";
import type { ResourceV3 } from "./resource-v3";
import { parseSourcePosition } from "./source-position";
import { isDefaultProviderUrn, parseUrn, providerUrnOf } from "./urn";
import { toProps, type ValueContext } from "./values";

export interface LoadedResource {
  readonly resource: PlannedResource;
  /** Its provider, default ones included: the Plan names only explicit providers, but a region may come from either. */
  readonly providerUrn: string | undefined;
}

export function toLoadedResource(stored: ResourceV3, at: FieldPath, ctx: ValueContext): LoadedResource {
  const providerUrn = stored.provider ? providerUrnOf(stored.provider) : undefined;
  // A default provider is the engine's, not the program's (`provider:` was not given), as in the planner.
  const explicitProvider = providerUrn && !isDefaultProviderUrn(providerUrn) ? providerUrn : undefined;
  const source = parseSourcePosition(stored.sourcePosition);
  const resource: PlannedResource = {
    urn: stored.urn,
    type: stored.type,
    name: parseUrn(stored.urn).name,
    custom: stored.custom === true,
    ...(stored.parent ? { parent: stored.parent } : {}),
    ...(explicitProvider ? { provider: explicitProvider } : {}),
    dependencies: [...new Set(stored.dependencies ?? [])],
    propertyDependencies: sortedPropertyDependencies(stored.propertyDependencies),
    props: toProps(stored.inputs ?? {}, [...at, "inputs"], ctx),
    options: toResourceOptions(stored),
    ...(source ? { source } : {}),
  };
  return { resource, providerUrn };
}

/** Sorted by property, so the same program gives the same JSON; Pulumi writes null for "no dependencies". */
function sortedPropertyDependencies(stored: ResourceV3["propertyDependencies"]): PlannedResource["propertyDependencies"] {
  const entries = Object.entries(stored ?? {}).map(([property, urns]) => [property, [...new Set(urns ?? [])]] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
