/**
 * The AWS region each resource lands in, by the planner's rule so both producers agree: an AWS
 * resource's own `region` input, else its provider's, else the stack's `aws:region`.
 */
import type { PlannedResource } from "../plan";
import type { LoadedResource } from "./planned-resource";
import { isDefaultProviderUrn } from "./urn";

export function withRegions(loaded: readonly LoadedResource[], stackRegion: string | undefined): PlannedResource[] {
  const providers = new Map(loaded.map(({ resource }) => [resource.urn, resource] as const));
  return loaded.map(({ resource, providerUrn }) => {
    const region = regionOf(resource, providerUrn ? { urn: providerUrn, found: providers.get(providerUrn) } : undefined, stackRegion);
    return region === undefined ? resource : { ...resource, region };
  });
}

function regionOf(
  resource: PlannedResource,
  provider: { urn: string; found: PlannedResource | undefined } | undefined,
  stackRegion: string | undefined,
): string | undefined {
  if (!resource.type.startsWith("aws:") && resource.type !== "pulumi:providers:aws") return undefined;
  const own = resource.props.region;
  if (typeof own === "string") return own;
  if (provider) {
    const fromProvider = provider.found?.props.region;
    if (typeof fromProvider === "string") return fromProvider;
    // An explicit provider missing from the document (a preview hides unchanged resources) may
    // point anywhere: no region rather than a guess. A default provider follows the stack config.
    if (!provider.found && !isDefaultProviderUrn(provider.urn)) return undefined;
  }
  return stackRegion;
}
