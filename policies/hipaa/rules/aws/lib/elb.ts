import type { Props } from "./props";
/** Elastic Load Balancing: ALB/NLB/GWLB (`aws.lb` and its `aws.alb` alias) and Classic Load Balancers. */
export const LB = "aws:lb/loadBalancer:LoadBalancer";
export const ALB = "aws:alb/loadBalancer:LoadBalancer";
export const LISTENER = "aws:lb/listener:Listener";
export const ALB_LISTENER = "aws:alb/listener:Listener";
export const CLASSIC_LB = "aws:elb/loadBalancer:LoadBalancer";

export const V2_LOAD_BALANCERS: readonly string[] = [LB, ALB];
export const V2_LISTENERS: readonly string[] = [LISTENER, ALB_LISTENER];

/** `application` unless the load balancer says otherwise (the provider's default). */
export function loadBalancerType(props: Props): string {
  return (props.loadBalancerType as string | undefined) ?? "application";
}

/** The listener protocol, `HTTP` when unset (the provider's default for application load balancers). */
export function listenerProtocol(props: Props): string {
  return String(props.protocol ?? "HTTP").toUpperCase();
}

export const ENCRYPTED_PROTOCOLS: readonly string[] = ["HTTPS", "TLS"];
export const PASS_THROUGH_PROTOCOLS: readonly string[] = ["TCP", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"];

/**
 * Predefined ELB security policies whose minimum protocol is TLS 1.2 or later (the TLS 1.3
 * policies of 2021, the TLS-1-2 and forward-secrecy FS-1-2 families, and their FIPS and
 * post-quantum variants).
 */
export const TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)(-|$)/;
