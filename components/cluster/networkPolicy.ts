/**
 * NetworkPolicy specs as pure functions: the default deny, the DNS and Pod Identity agent allows,
 * and typed allow rules. Every allow names its peers; none admits everything.
 */
import { checkCidr, checkDnsLabel, describe, InvalidArgumentError } from "./validation";

/** The label every namespace carries with its own name (Kubernetes sets it). */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/** The EKS Pod Identity agent's link-local address on every node. */
export const POD_IDENTITY_AGENT_CIDR = "169.254.170.23/32";

/**
 * A peer of an allow rule: pods (by labels) in a namespace (by name), or an IP range. Give `cidr`,
 * or `namespace` and/or `podLabels`.
 */
export interface NetworkPeer {
  /**
   * The peer namespace.
   * @default the rule's own namespace when `podLabels` is given
   */
  readonly namespace?: string;
  /**
   * Labels of the peer pods.
   * @default every pod of `namespace`
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * An IP range (CIDR), e.g. the subnets of a database or a load balancer. `/0` is refused for
   * ingress, and for egress needs `ports`.
   * @default none: a pod peer
   */
  readonly cidr?: string;
  /**
   * Ranges inside `cidr` that stay denied.
   * @default none
   */
  readonly except?: readonly string[];
}

export interface NetworkPort {
  /** Port number or named container port. */
  readonly port: number | string;
  /**
   * Protocol.
   * @default "TCP"
   */
  readonly protocol?: "TCP" | "UDP" | "SCTP";
}

/** An explicit allow of a namespace's default deny. */
export interface NetworkAllowRule {
  /** Names the NetworkPolicy `allow-<name>` (a DNS label). */
  readonly name: string;
  /** `ingress` (to the selected pods) or `egress` (from them). */
  readonly direction: "ingress" | "egress";
  /** Who may be reached or may connect; never empty (an empty list would allow everyone). */
  readonly peers: readonly NetworkPeer[];
  /**
   * Ports allowed.
   * @default every port (of the listed peers only)
   */
  readonly ports?: readonly NetworkPort[];
  /**
   * Labels of the pods of the namespace the rule applies to.
   * @default every pod of the namespace
   */
  readonly podLabels?: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;

/** The default deny: every pod of the namespace, both directions, no rule. */
export function defaultDenySpec(): Json {
  return { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
}

/** DNS egress from every pod of the namespace to CoreDNS in kube-system (UDP and TCP 53). */
export function dnsEgressSpec(): Json {
  return {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: "kube-system" } },
            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
          },
        ],
        ports: [
          { protocol: "UDP", port: 53 },
          { protocol: "TCP", port: 53 },
        ],
      },
    ],
  };
}

/** Egress from every pod of the namespace to the node's EKS Pod Identity agent (TCP 80). */
export function podIdentityAgentEgressSpec(): Json {
  return {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [{ to: [{ ipBlock: { cidr: POD_IDENTITY_AGENT_CIDR } }], ports: [{ protocol: "TCP", port: 80 }] }],
  };
}

/** Checks an allow rule; `where` names the component and the field. */
export function checkAllowRule(where: string, rule: NetworkAllowRule): void {
  checkDnsLabel(where, "name", rule.name, 57);
  if (rule.direction !== "ingress" && rule.direction !== "egress") {
    throw new InvalidArgumentError(`${where}: direction ${describe(rule.direction)} is invalid; expected "ingress" or "egress".`);
  }
  checkPeers(where, rule.direction, rule.peers, rule.ports);
  checkPorts(where, rule.ports ?? []);
  if (rule.podLabels) checkLabels(where, "podLabels", rule.podLabels);
}

/** Checks the peers of one direction of a rule. */
export function checkPeers(where: string, direction: "ingress" | "egress", peers: readonly NetworkPeer[], ports: readonly NetworkPort[] | undefined): void {
  if (!Array.isArray(peers) || peers.length === 0) {
    throw new InvalidArgumentError(
      `${where}: peers is ${describe(peers)}; expected at least one peer (an allow rule without peers admits every source and destination).`,
    );
  }
  peers.forEach((peer, i) => {
    const at = `${where}: peers[${i}]`;
    if (peer.cidr !== undefined) {
      if (peer.namespace !== undefined || peer.podLabels !== undefined) {
        throw new InvalidArgumentError(`${at} gives both cidr and namespace/podLabels; expected either an IP range or pods.`);
      }
      const open = peer.cidr.endsWith("/0");
      if (open && direction === "ingress") {
        throw new InvalidArgumentError(
          `${at}.cidr "${peer.cidr}" admits every address; expected the ranges that may connect (e.g. the load balancer's subnets).`,
        );
      }
      if (open && (ports ?? []).length === 0) {
        throw new InvalidArgumentError(`${at}.cidr "${peer.cidr}" with no ports opens every port to every address; expected ports (e.g. [{ port: 443 }]).`);
      }
      checkCidr(at, "cidr", peer.cidr, true);
      for (const except of peer.except ?? []) checkCidr(at, "except", except, false);
      return;
    }
    if (peer.except !== undefined) throw new InvalidArgumentError(`${at} gives except without cidr; expected except only inside a cidr peer.`);
    if (peer.namespace === undefined && peer.podLabels === undefined) {
      throw new InvalidArgumentError(`${at} is empty; expected cidr, namespace or podLabels.`);
    }
    if (peer.namespace !== undefined) checkDnsLabel(at, "namespace", peer.namespace);
    if (peer.podLabels !== undefined) checkLabels(at, "podLabels", peer.podLabels);
  });
}

function checkPorts(where: string, ports: readonly NetworkPort[]): void {
  ports.forEach((p, i) => {
    const ok =
      (typeof p.port === "number" && Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535) ||
      (typeof p.port === "string" && /^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/.test(p.port));
    if (!ok) throw new InvalidArgumentError(`${where}: ports[${i}].port ${describe(p.port)} is invalid; expected 1-65535 or a named port.`);
    if (p.protocol !== undefined && !["TCP", "UDP", "SCTP"].includes(p.protocol)) {
      throw new InvalidArgumentError(`${where}: ports[${i}].protocol ${describe(p.protocol)} is invalid; expected TCP, UDP or SCTP.`);
    }
  });
}

function checkLabels(where: string, field: string, labels: Readonly<Record<string, string>>): void {
  const entries = Object.entries(labels);
  if (entries.length === 0) throw new InvalidArgumentError(`${where}: ${field} is empty; expected at least one label (or omit ${field}).`);
  for (const [k, v] of entries) {
    if (!/^([a-z0-9.-]{1,253}\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(k) || !/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/.test(v)) {
      throw new InvalidArgumentError(`${where}: ${field} has "${k}": "${v}", which is not a valid Kubernetes label; expected e.g. { "app.kubernetes.io/name": "ehr-api" }.`);
    }
  }
}

/** A NetworkPolicy peer object from a typed peer. */
export function peerSpec(peer: NetworkPeer): Json {
  if (peer.cidr !== undefined) {
    return { ipBlock: { cidr: peer.cidr, ...(peer.except && peer.except.length > 0 ? { except: [...peer.except] } : {}) } };
  }
  return {
    ...(peer.namespace !== undefined ? { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: peer.namespace } } } : {}),
    ...(peer.podLabels !== undefined ? { podSelector: { matchLabels: { ...peer.podLabels } } } : {}),
  };
}

/** The NetworkPolicy spec of a typed allow rule. */
export function allowRuleSpec(rule: NetworkAllowRule): Json {
  const ports = (rule.ports ?? []).map((p) => ({ protocol: p.protocol ?? "TCP", port: p.port }));
  const body = { [rule.direction === "ingress" ? "from" : "to"]: rule.peers.map(peerSpec), ...(ports.length > 0 ? { ports } : {}) };
  return {
    podSelector: rule.podLabels ? { matchLabels: { ...rule.podLabels } } : {},
    policyTypes: [rule.direction === "ingress" ? "Ingress" : "Egress"],
    [rule.direction]: [body],
  };
}
