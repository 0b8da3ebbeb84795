/** How the cluster components find the Kubernetes provider their objects must use. */
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError } from "./validation";

/** The package name of a provider resource (`kubernetes`, `aws`, ...). */
function packageOf(provider: pulumi.ProviderResource): string | undefined {
  const get = (provider as unknown as { getPackage?: () => string }).getPackage;
  return typeof get === "function" ? get.call(provider) : undefined;
}

/**
 * The explicit Kubernetes provider of a component: `opts.provider`, or the `kubernetes` entry of
 * `opts.providers`. Fails when there is none, so objects never land on whatever cluster the ambient
 * kubeconfig points at.
 */
export function kubernetesProvider(where: string, opts: pulumi.ComponentResourceOptions | undefined): pulumi.ProviderResource {
  const candidates: pulumi.ProviderResource[] = [];
  if (opts?.provider) candidates.push(opts.provider);
  const providers = opts?.providers;
  if (Array.isArray(providers)) candidates.push(...providers);
  else if (providers) candidates.push(...Object.values(providers));
  const found = candidates.find((p) => packageOf(p) === "kubernetes");
  if (!found) {
    throw new InvalidArgumentError(
      `${where}: no Kubernetes provider given; expected the cluster's provider in the resource options, e.g. \`{ provider: cluster.provider }\` (a SecureCluster's k8s.Provider), so no object lands on the cluster of the ambient kubeconfig.`,
    );
  }
  return found;
}
