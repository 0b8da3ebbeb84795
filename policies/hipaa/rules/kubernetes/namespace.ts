/**
 * Which namespace a Kubernetes object lands in, as the Kubernetes provider decides it:
 * `metadata.namespace`, else the explicit provider's `namespace`, else `default`.
 */
import type { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { asObject, sourcesOf, type Json } from "./support";

export const DEFAULT_NAMESPACE = "default";
export const NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
const KUBERNETES_PROVIDER_TYPE = "pulumi:providers:kubernetes";

/** The namespace an explicit Kubernetes provider puts objects in that name none. */
export function providerNamespace(provider: PolicyProviderResource | undefined): string | undefined {
  if (!provider || provider.type !== KUBERNETES_PROVIDER_TYPE) return undefined;
  const ns = provider.props.namespace;
  return typeof ns === "string" && ns !== "" ? ns : undefined;
}

/** The namespace of a namespaced object (reads `metadata.namespace`, which may be unknown). */
export function namespaceOf(props: Json, provider: PolicyProviderResource | undefined): string {
  const ns = asObject(props.metadata)?.namespace;
  if (typeof ns === "string" && ns !== "") return ns;
  return providerNamespace(provider) ?? DEFAULT_NAMESPACE;
}

/**
 * A key that is equal for two objects of the same namespace, usable in a stack rule even when the
 * namespace's name is only known after deploy (an auto-named `Namespace` whose
 * `metadata.name` feeds the objects' `metadata.namespace`):
 * - `name:<ns>` when the name is known;
 * - `urn:<Namespace URN>` when the object's metadata was computed from exactly one `Namespace` of the
 *   stack whose name is not a literal.
 */
export function namespaceKeyOf(resource: PolicyResource): string {
  const namespaces = sourcesOf(resource, "metadata", NAMESPACE_TYPE);
  if (namespaces.length === 1) return namespaceResourceKey(namespaces[0] as PolicyResource);
  return `name:${namespaceOf(resource.props, resource.provider)}`;
}

/** The key of the namespace a `Namespace` resource creates (see `namespaceKeyOf`). */
export function namespaceResourceKey(namespace: PolicyResource): string {
  const name = asObject(namespace.props.metadata)?.name;
  return typeof name === "string" && name !== "" ? `name:${name}` : `urn:${namespace.urn}`;
}

/** `namespace "app"`, or `the namespace of <Namespace URN>` for a key of the second kind. */
export function describeNamespaceKey(key: string): string {
  if (key.startsWith("name:")) return `namespace "${key.slice(5)}"`;
  return `the namespace created by ${key.slice(4)}`;
}
