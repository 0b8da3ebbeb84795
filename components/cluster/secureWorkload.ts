/**
 * `SecureWorkload`: a Deployment with a hardened pod spec, its own ServiceAccount, a Service, a
 * PodDisruptionBudget, a HorizontalPodAutoscaler, NetworkPolicy allows and an optional TLS-only
 * internal ALB Ingress.
 *
 * Children (names are a public contract; `<name>` is the component's name; the Kubernetes objects
 * are all named `<appName>` in `<namespace>` unless said otherwise):
 *
 * | name                   | Kubernetes object                                                    |
 * |------------------------|----------------------------------------------------------------------|
 * | `<name>-service-account` | ServiceAccount (automountServiceAccountToken false)                |
 * | `<name>-deployment`    | Deployment                                                           |
 * | `<name>-service`       | Service (ClusterIP)                                                  |
 * | `<name>-pdb`           | PodDisruptionBudget (maxUnavailable 1)                               |
 * | `<name>-hpa`           | HorizontalPodAutoscaler (autoscaling/v2, CPU)                        |
 * | `<name>-allow-ingress` | NetworkPolicy `allow-<appName>-ingress` (ALB subnets and `allowFrom` to the container port) |
 * | `<name>-allow-egress`  | NetworkPolicy `allow-<appName>-egress` (`allowTo`)                   |
 * | `<name>-ingress`       | Ingress (ALB, internal, HTTPS 443 only)                              |
 *
 * With `podIdentity`, the cluster creates `<cluster>-pod-identity-<namespace>-<appName>`.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { kubernetesProvider } from "./kubernetes";
import { checkPeers, peerSpec, type NetworkPeer, type NetworkPort } from "./networkPolicy";
import type { SecureCluster } from "./secureCluster";
import {
  checkCidr,
  checkCpu,
  checkDnsLabel,
  checkImage,
  checkMemory,
  checkWorkloadNamespace,
  describe,
  InvalidArgumentError,
  quantityValue,
} from "./validation";
import type { WorkloadBaseline } from "./workloadBaseline";

export const SECURE_WORKLOAD_TYPE = "phiguard:cluster:SecureWorkload";

/** The ALB listener TLS policy: TLS 1.3 and 1.2 only, forward-secret ciphers. */
export const ALB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Lowest UID a workload may run as (keeps clear of system and image-default users). */
export const MIN_RUN_AS_USER = 10000;

/** CPU and memory of a container. */
export interface ComputeResources {
  readonly cpu: string;
  readonly memory: string;
}

export interface ResourcesInput {
  /** What the scheduler reserves. */
  readonly requests: ComputeResources;
  /** What the container may use at most (at least the requests). */
  readonly limits: ComputeResources;
}

/** An HTTP GET probe on the container port. */
export interface HttpProbeInput {
  /** Path probed. */
  readonly path: string;
  /**
   * Seconds before the first probe.
   * @default 5
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds between probes.
   * @default 10
   */
  readonly periodSeconds?: number;
  /**
   * Seconds before a probe times out.
   * @default 2
   */
  readonly timeoutSeconds?: number;
  /**
   * Failures before the container is restarted (liveness) or taken out of the Service (readiness).
   * @default 3
   */
  readonly failureThreshold?: number;
}

/** A Secret mounted read-only as files (never environment variables). */
export interface SecretFileInput {
  /** The Secret's name in the workload's namespace. */
  readonly secretName: string;
  /** Where its keys appear as files. */
  readonly mountPath: string;
}

export interface AutoscalingInput {
  /**
   * Fewest replicas (also the Deployment's initial replicas).
   * @default 2, so one pod survives a node drain
   */
  readonly minReplicas?: number;
  /**
   * Most replicas.
   * @default 6
   */
  readonly maxReplicas?: number;
  /**
   * Average CPU utilization (percent of requests) the autoscaler aims at.
   * @default 70
   */
  readonly targetCpuUtilization?: number;
}

/** An internal ALB Ingress (AWS Load Balancer Controller) serving HTTPS on 443 only. */
export interface SecureIngressInput {
  /** The host name served (a DNS name the certificate covers). */
  readonly host: string;
  /** The ACM certificate ARN of the HTTPS listener. */
  readonly certificateArn: pulumi.Input<string>;
  /**
   * CIDRs of the subnets the ALB runs in: its health checks and traffic reach the pods from there,
   * so the workload's NetworkPolicy admits them on the container port.
   */
  readonly albSubnetCidrs: readonly string[];
  /**
   * Path prefix routed to the workload.
   * @default "/"
   */
  readonly path?: string;
  /**
   * A regional WAFv2 web ACL ARN attached to the ALB.
   * @default none
   */
  readonly wafAclArn?: pulumi.Input<string>;
  /**
   * Client CIDRs allowed to reach the ALB (`alb.ingress.kubernetes.io/inbound-cidrs`).
   * @default the controller's default: the ALB is internal, so only networks routed to the VPC reach it
   */
  readonly clientCidrs?: readonly string[];
  /**
   * An S3 bucket for the ALB's access logs (`access_logs.s3.*` attributes).
   * @default none: configure access logs elsewhere (the pack's ELB rules check the load balancer resources)
   */
  readonly accessLogsBucket?: string;
  /**
   * An ALB group shared by several Ingresses (`alb.ingress.kubernetes.io/group.name`).
   * @default none: one ALB for this Ingress
   */
  readonly groupName?: string;
}

/** An egress allow of the workload's pods. */
export interface EgressAllowInput {
  /** Destinations; never empty. */
  readonly peers: readonly NetworkPeer[];
  /** Ports; never empty. */
  readonly ports: readonly NetworkPort[];
}

export interface SecureWorkloadArgs {
  /** The namespace (one of a `WorkloadBaseline`'s; never default or kube-*). */
  readonly namespace: string;
  /**
   * The baseline managing `namespace`: the workload waits for its namespace, default deny and quota.
   * @default none: the namespace must exist already
   */
  readonly baseline?: WorkloadBaseline;
  /**
   * Name of the Kubernetes objects (a DNS label).
   * @default the component's name
   */
  readonly appName?: string;
  /**
   * The container image, pinned by digest (`repo@sha256:<64 hex>`), or a fixed non-latest tag from
   * one of `allowedRegistries`. A computed image is checked once its value is known.
   */
  readonly image: pulumi.Input<string>;
  /**
   * Registries (with optional path, `*` within a segment) whose images may use a fixed tag instead
   * of a digest; list the same ones in the pack's `k8s-image-pinned-by-digest` `allowedRegistries`.
   * @default none: every image needs a digest
   */
  readonly allowedRegistries?: readonly string[];
  /** CPU and memory requests and limits of the container (all four required). */
  readonly resources: ResourcesInput;
  /**
   * The port the container listens on (named `http`).
   * @default 8080
   */
  readonly containerPort?: number;
  /**
   * The port of the Service.
   * @default 80
   */
  readonly servicePort?: number;
  /**
   * UID of the container process (at least 10000).
   * @default 10001
   */
  readonly runAsUser?: number;
  /**
   * GID of the container process and of its volumes (`fsGroup`).
   * @default runAsUser
   */
  readonly runAsGroup?: number;
  /**
   * Container command (entrypoint).
   * @default the image's
   */
  readonly command?: readonly string[];
  /**
   * Container arguments.
   * @default the image's
   */
  readonly args?: readonly string[];
  /**
   * Plain environment variables (Secrets go through `secretFiles`).
   * @default none
   */
  readonly env?: Readonly<Record<string, pulumi.Input<string>>>;
  /**
   * Secrets mounted read-only as files.
   * @default none
   */
  readonly secretFiles?: readonly SecretFileInput[];
  /**
   * Writable directories, each an `emptyDir` (the root filesystem is read-only).
   * @default ["/tmp"]
   */
  readonly writablePaths?: readonly string[];
  /**
   * Liveness probe (HTTP GET on the container port).
   * @default { path: "/healthz" }
   */
  readonly livenessProbe?: HttpProbeInput;
  /**
   * Readiness probe (HTTP GET on the container port); also the ALB health check.
   * @default { path: "/readyz" }
   */
  readonly readinessProbe?: HttpProbeInput;
  /**
   * Mount the service account's token (only for pods that call the Kubernetes API).
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * Annotations of the ServiceAccount (e.g. `eks.amazonaws.com/role-arn` for IRSA).
   * @default none
   */
  readonly serviceAccountAnnotations?: Readonly<Record<string, string>>;
  /**
   * AWS credentials through EKS Pod Identity: the cluster associates `roleArn` (e.g. from
   * `cluster.podIdentityRole(namespace, appName)`) with the workload's ServiceAccount.
   * @default none: the pods get no AWS credentials (IMDS is out of reach, hop limit 1)
   */
  readonly podIdentity?: { readonly cluster: SecureCluster; readonly roleArn: pulumi.Input<string> };
  /**
   * Horizontal autoscaling on CPU.
   * @default 2-6 replicas at 70% CPU
   */
  readonly autoscaling?: AutoscalingInput;
  /**
   * Pods that may connect to the container port, besides the ALB subnets.
   * @default none
   */
  readonly allowFrom?: readonly NetworkPeer[];
  /**
   * Destinations the pods may connect to, besides DNS (and the Pod Identity agent) that the baseline allows.
   * @default none
   */
  readonly allowTo?: readonly EgressAllowInput[];
  /**
   * An internal ALB Ingress with TLS only.
   * @default none: reachable inside the cluster through the Service only
   */
  readonly ingress?: SecureIngressInput;
  /**
   * Extra labels of the pods.
   * @default none (the pods carry `app.kubernetes.io/name` and `app.kubernetes.io/instance`)
   */
  readonly podLabels?: Readonly<Record<string, string>>;
}

const ACM_ARN = /^arn:aws(-us-gov|-cn)?:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
const WAF_ARN = /^arn:aws(-us-gov|-cn)?:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/.+$/;
const HOST = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;

export class SecureWorkload extends pulumi.ComponentResource {
  public readonly appName: string;
  public readonly namespace: string;
  public readonly serviceAccount: k8s.core.v1.ServiceAccount;
  public readonly deployment: k8s.apps.v1.Deployment;
  public readonly service: k8s.core.v1.Service;
  public readonly podDisruptionBudget: k8s.policy.v1.PodDisruptionBudget;
  public readonly autoscaler: k8s.autoscaling.v2.HorizontalPodAutoscaler;
  public readonly networkPolicies: Readonly<Record<string, k8s.networking.v1.NetworkPolicy>>;
  public readonly ingress?: k8s.networking.v1.Ingress;
  /** `<appName>.<namespace>.svc.cluster.local`. */
  public readonly serviceHost: string;

  constructor(name: string, args: SecureWorkloadArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = `SecureWorkload "${name}"`;
    const provider = kubernetesProvider(where, opts);
    const s = workloadSettings(where, name, args);
    const waitFor = args.baseline ? args.baseline.dependenciesOf(s.namespace) : [];

    super(SECURE_WORKLOAD_TYPE, name, {}, opts);
    this.appName = s.appName;
    this.namespace = s.namespace;
    this.serviceHost = `${s.appName}.${s.namespace}.svc.cluster.local`;
    const children = { parent: this, provider, dependsOn: waitFor };
    const metadata = (objectName: string = s.appName) => ({ name: objectName, namespace: s.namespace, labels: { ...s.selector } });

    this.serviceAccount = new k8s.core.v1.ServiceAccount(
      `${name}-service-account`,
      {
        metadata: { ...metadata(), ...(args.serviceAccountAnnotations ? { annotations: { ...args.serviceAccountAnnotations } } : {}) },
        automountServiceAccountToken: false,
      },
      children,
    );
    const podIdentity = args.podIdentity
      ? [args.podIdentity.cluster.addPodIdentity(s.namespace, s.appName, args.podIdentity.roleArn)]
      : [];

    const image = pulumi.output(args.image).apply((value) => {
      checkImage(where, value, s.allowedRegistries);
      return value;
    });
    const probe = (p: Required<HttpProbeInput>) => ({
      httpGet: { path: p.path, port: "http", scheme: "HTTP" },
      initialDelaySeconds: p.initialDelaySeconds,
      periodSeconds: p.periodSeconds,
      timeoutSeconds: p.timeoutSeconds,
      failureThreshold: p.failureThreshold,
    });
    const volumes = [
      ...s.writablePaths.map((path, i) => ({ name: `writable-${i}`, emptyDir: { sizeLimit: "1Gi" }, mountPath: path })),
      ...s.secretFiles.map((f, i) => ({ name: `secret-${i}`, secret: { secretName: f.secretName, defaultMode: 0o440 }, mountPath: f.mountPath })),
    ];

    this.deployment = new k8s.apps.v1.Deployment(
      `${name}-deployment`,
      {
        metadata: metadata(),
        spec: {
          replicas: s.minReplicas,
          revisionHistoryLimit: 5,
          selector: { matchLabels: { ...s.selector } },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
          template: {
            metadata: { labels: { ...s.podLabels, ...s.selector } },
            spec: {
              serviceAccountName: s.appName,
              automountServiceAccountToken: s.automountServiceAccountToken,
              enableServiceLinks: false,
              hostNetwork: false,
              hostPID: false,
              hostIPC: false,
              securityContext: {
                runAsNonRoot: true,
                runAsUser: s.runAsUser,
                runAsGroup: s.runAsGroup,
                fsGroup: s.runAsGroup,
                seccompProfile: { type: "RuntimeDefault" },
              },
              topologySpreadConstraints: [
                { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { ...s.selector } } },
              ],
              containers: [
                {
                  name: s.appName,
                  image,
                  imagePullPolicy: "IfNotPresent",
                  ...(args.command ? { command: [...args.command] } : {}),
                  ...(args.args ? { args: [...args.args] } : {}),
                  ports: [{ name: "http", containerPort: s.containerPort, protocol: "TCP" }],
                  ...(args.env ? { env: Object.entries(args.env).map(([envName, value]) => ({ name: envName, value })) } : {}),
                  resources: {
                    requests: { cpu: s.resources.requests.cpu, memory: s.resources.requests.memory },
                    limits: { cpu: s.resources.limits.cpu, memory: s.resources.limits.memory },
                  },
                  livenessProbe: probe(s.livenessProbe),
                  readinessProbe: probe(s.readinessProbe),
                  securityContext: {
                    runAsNonRoot: true,
                    runAsUser: s.runAsUser,
                    runAsGroup: s.runAsGroup,
                    allowPrivilegeEscalation: false,
                    privileged: false,
                    readOnlyRootFilesystem: true,
                    capabilities: { drop: ["ALL"] },
                    seccompProfile: { type: "RuntimeDefault" },
                  },
                  volumeMounts: volumes.map((v) => ({ name: v.name, mountPath: v.mountPath, readOnly: "secret" in v })),
                },
              ],
              volumes: volumes.map(({ mountPath: _mountPath, ...volume }) => volume),
            },
          },
        },
      },
      { ...children, dependsOn: [...waitFor, this.serviceAccount, ...podIdentity], ignoreChanges: ["spec.replicas"] },
    );

    this.service = new k8s.core.v1.Service(
      `${name}-service`,
      {
        metadata: metadata(),
        spec: {
          type: "ClusterIP",
          selector: { ...s.selector },
          ports: [{ name: "http", port: s.servicePort, targetPort: "http", protocol: "TCP" }],
        },
      },
      children,
    );

    this.podDisruptionBudget = new k8s.policy.v1.PodDisruptionBudget(
      `${name}-pdb`,
      { metadata: metadata(), spec: { maxUnavailable: 1, selector: { matchLabels: { ...s.selector } } } },
      children,
    );

    this.autoscaler = new k8s.autoscaling.v2.HorizontalPodAutoscaler(
      `${name}-hpa`,
      {
        metadata: metadata(),
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: s.appName },
          minReplicas: s.minReplicas,
          maxReplicas: s.maxReplicas,
          metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: s.targetCpuUtilization } } }],
        },
      },
      { ...children, dependsOn: [...waitFor, this.deployment] },
    );

    // NetworkPolicy allows on top of the namespace's default deny.
    const networkPolicies: Record<string, k8s.networking.v1.NetworkPolicy> = {};
    const ingressPeers: NetworkPeer[] = [...(s.ingress?.albSubnetCidrs.map((cidr) => ({ cidr })) ?? []), ...s.allowFrom];
    if (ingressPeers.length > 0) {
      networkPolicies["ingress"] = new k8s.networking.v1.NetworkPolicy(
        `${name}-allow-ingress`,
        {
          metadata: metadata(`allow-${s.appName}-ingress`),
          spec: {
            podSelector: { matchLabels: { ...s.selector } },
            policyTypes: ["Ingress"],
            ingress: [{ from: ingressPeers.map(peerSpec), ports: [{ protocol: "TCP", port: s.containerPort }] }],
          },
        },
        children,
      );
    }
    if (s.allowTo.length > 0) {
      networkPolicies["egress"] = new k8s.networking.v1.NetworkPolicy(
        `${name}-allow-egress`,
        {
          metadata: metadata(`allow-${s.appName}-egress`),
          spec: {
            podSelector: { matchLabels: { ...s.selector } },
            policyTypes: ["Egress"],
            egress: s.allowTo.map((rule) => ({
              to: rule.peers.map(peerSpec),
              ports: rule.ports.map((p) => ({ protocol: p.protocol ?? "TCP", port: p.port })),
            })),
          },
        },
        children,
      );
    }
    this.networkPolicies = networkPolicies;

    if (s.ingress) {
      const ing = s.ingress;
      const attributes = [
        "routing.http.drop_invalid_header_fields.enabled=true",
        ...(ing.accessLogsBucket ? [`access_logs.s3.enabled=true`, `access_logs.s3.bucket=${ing.accessLogsBucket}`, `access_logs.s3.prefix=${s.namespace}/${s.appName}`] : []),
      ];
      const annotations: Record<string, pulumi.Input<string>> = {
        "alb.ingress.kubernetes.io/scheme": "internal",
        "alb.ingress.kubernetes.io/target-type": "ip",
        "alb.ingress.kubernetes.io/listen-ports": JSON.stringify([{ HTTPS: 443 }]),
        "alb.ingress.kubernetes.io/ssl-policy": ALB_SSL_POLICY,
        "alb.ingress.kubernetes.io/certificate-arn": ing.certificateArn,
        "alb.ingress.kubernetes.io/backend-protocol": "HTTP",
        "alb.ingress.kubernetes.io/healthcheck-path": s.readinessProbe.path,
        "alb.ingress.kubernetes.io/healthcheck-port": "traffic-port",
        "alb.ingress.kubernetes.io/load-balancer-attributes": attributes.join(","),
        ...(ing.wafAclArn !== undefined ? { "alb.ingress.kubernetes.io/wafv2-acl-arn": ing.wafAclArn } : {}),
        ...(ing.clientCidrs ? { "alb.ingress.kubernetes.io/inbound-cidrs": ing.clientCidrs.join(",") } : {}),
        ...(ing.groupName ? { "alb.ingress.kubernetes.io/group.name": ing.groupName } : {}),
      };
      this.ingress = new k8s.networking.v1.Ingress(
        `${name}-ingress`,
        {
          metadata: { ...metadata(), annotations },
          spec: {
            ingressClassName: "alb",
            tls: [{ hosts: [ing.host] }],
            rules: [
              {
                host: ing.host,
                http: {
                  paths: [{ path: ing.path, pathType: "Prefix", backend: { service: { name: s.appName, port: { name: "http" } } } }],
                },
              },
            ],
          },
        },
        { ...children, dependsOn: [...waitFor, this.service] },
      );
    }

    this.registerOutputs({ appName: s.appName, namespace: s.namespace, serviceHost: this.serviceHost });
  }
}

interface WorkloadSettings {
  readonly appName: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly allowedRegistries: readonly string[];
  readonly resources: ResourcesInput;
  readonly containerPort: number;
  readonly servicePort: number;
  readonly runAsUser: number;
  readonly runAsGroup: number;
  readonly automountServiceAccountToken: boolean;
  readonly writablePaths: readonly string[];
  readonly secretFiles: readonly SecretFileInput[];
  readonly livenessProbe: Required<HttpProbeInput>;
  readonly readinessProbe: Required<HttpProbeInput>;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly targetCpuUtilization: number;
  readonly allowFrom: readonly NetworkPeer[];
  readonly allowTo: readonly EgressAllowInput[];
  readonly ingress?: Required<Pick<SecureIngressInput, "host" | "certificateArn" | "albSubnetCidrs" | "path">> & SecureIngressInput;
}

function workloadSettings(where: string, name: string, args: SecureWorkloadArgs): WorkloadSettings {
  if (args === undefined || args === null) {
    throw new InvalidArgumentError(`${where}: no arguments given; expected at least namespace, image and resources.`);
  }
  checkWorkloadNamespace(where, "namespace", args.namespace);
  if (args.baseline && !args.baseline.has(args.namespace)) {
    throw new InvalidArgumentError(
      `${where}: namespace "${args.namespace}" is not managed by the given baseline (it manages ${args.baseline.namespaceNames.join(", ")}); expected one of them.`,
    );
  }
  const appName = args.appName ?? name;
  checkDnsLabel(where, "appName", appName, 47);

  // The image.
  const allowedRegistries = args.allowedRegistries ?? [];
  for (const registry of allowedRegistries) {
    if (typeof registry !== "string" || registry.trim() === "" || registry === "*") {
      throw new InvalidArgumentError(`${where}: allowedRegistries entry ${describe(registry)} is invalid; expected a registry host (with optional path), e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com".`);
    }
  }
  if (args.image === undefined || args.image === null) {
    throw new InvalidArgumentError(`${where}: no image given; expected an image pinned by digest ("<repository>@sha256:<digest>").`);
  }
  if (typeof args.image === "string") checkImage(where, args.image, allowedRegistries);

  // Resources: all four required, limits at least the requests.
  const r = args.resources as Partial<ResourcesInput> | undefined;
  if (!r || !r.requests || !r.limits) {
    throw new InvalidArgumentError(
      `${where}: resources ${r === undefined ? "is not set" : `has no ${!r.requests ? "requests" : "limits"}`}; expected { requests: { cpu, memory }, limits: { cpu, memory } }, e.g. { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } }.`,
    );
  }
  const cpuRequest = checkCpu(where, "resources.requests.cpu", r.requests.cpu);
  const memoryRequest = checkMemory(where, "resources.requests.memory", r.requests.memory);
  const cpuLimit = checkCpu(where, "resources.limits.cpu", r.limits.cpu);
  const memoryLimit = checkMemory(where, "resources.limits.memory", r.limits.memory);
  if (quantityValue(cpuLimit) < quantityValue(cpuRequest) || quantityValue(memoryLimit) < quantityValue(memoryRequest)) {
    throw new InvalidArgumentError(
      `${where}: resources limits (cpu ${cpuLimit}, memory ${memoryLimit}) are below the requests (cpu ${cpuRequest}, memory ${memoryRequest}); expected limits >= requests.`,
    );
  }

  const port = (field: string, value: number) => {
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new InvalidArgumentError(`${where}: ${field} ${describe(value)} is invalid; expected 1-65535.`);
    return value;
  };
  const containerPort = port("containerPort", args.containerPort ?? 8080);
  if (containerPort < 1024) {
    throw new InvalidArgumentError(`${where}: containerPort ${containerPort} is privileged (< 1024) and needs NET_BIND_SERVICE; expected a port >= 1024 (e.g. 8080), the Service maps it.`);
  }
  const servicePort = port("servicePort", args.servicePort ?? 80);

  const runAsUser = args.runAsUser ?? 10001;
  if (!Number.isInteger(runAsUser) || runAsUser < MIN_RUN_AS_USER) {
    throw new InvalidArgumentError(`${where}: runAsUser ${describe(runAsUser)} is invalid; expected a whole number >= ${MIN_RUN_AS_USER} (a non-root UID clear of system and image users).`);
  }
  const runAsGroup = args.runAsGroup ?? runAsUser;
  if (!Number.isInteger(runAsGroup) || runAsGroup < 1) {
    throw new InvalidArgumentError(`${where}: runAsGroup ${describe(runAsGroup)} is invalid; expected a whole number >= 1 (not the root group).`);
  }

  const paths = [...(args.writablePaths ?? ["/tmp"]), ...(args.secretFiles ?? []).map((f) => f.mountPath)];
  for (const path of paths) {
    if (typeof path !== "string" || !path.startsWith("/") || path === "/") {
      throw new InvalidArgumentError(`${where}: mount path ${describe(path)} is invalid; expected an absolute directory other than "/", e.g. "/tmp".`);
    }
  }
  if (new Set(paths).size !== paths.length) {
    throw new InvalidArgumentError(`${where}: writablePaths and secretFiles mount paths [${paths.join(", ")}] repeat a path; expected each path once.`);
  }
  for (const file of args.secretFiles ?? []) checkDnsLabel(where, "secretFiles.secretName", file.secretName, 253);

  const probeOf = (field: string, given: HttpProbeInput | undefined, path: string): Required<HttpProbeInput> => {
    const p = { path, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3, ...(given ?? {}) };
    if (typeof p.path !== "string" || !p.path.startsWith("/")) {
      throw new InvalidArgumentError(`${where}: ${field}.path ${describe(p.path)} is invalid; expected an absolute HTTP path such as "/healthz".`);
    }
    for (const key of ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold"] as const) {
      const v = p[key];
      if (!Number.isInteger(v) || v < (key === "initialDelaySeconds" ? 0 : 1)) {
        throw new InvalidArgumentError(`${where}: ${field}.${key} ${describe(v)} is invalid; expected a whole number${key === "initialDelaySeconds" ? " >= 0" : " >= 1"}.`);
      }
    }
    return p;
  };
  const livenessProbe = probeOf("livenessProbe", args.livenessProbe, "/healthz");
  const readinessProbe = probeOf("readinessProbe", args.readinessProbe, "/readyz");

  const a = args.autoscaling ?? {};
  const minReplicas = a.minReplicas ?? 2;
  const maxReplicas = a.maxReplicas ?? Math.max(6, minReplicas);
  const targetCpuUtilization = a.targetCpuUtilization ?? 70;
  if (!Number.isInteger(minReplicas) || minReplicas < 1 || !Number.isInteger(maxReplicas) || maxReplicas < minReplicas) {
    throw new InvalidArgumentError(
      `${where}: autoscaling min ${describe(minReplicas)} / max ${describe(maxReplicas)} replicas are invalid; expected whole numbers with 1 <= minReplicas <= maxReplicas.`,
    );
  }
  if (!Number.isInteger(targetCpuUtilization) || targetCpuUtilization < 1 || targetCpuUtilization > 100) {
    throw new InvalidArgumentError(`${where}: autoscaling.targetCpuUtilization ${describe(targetCpuUtilization)} is invalid; expected a percentage from 1 to 100.`);
  }

  const allowFrom = args.allowFrom ?? [];
  if (allowFrom.length > 0) checkPeers(`${where}: allowFrom`, "ingress", allowFrom, [{ port: containerPort }]);
  const allowTo = args.allowTo ?? [];
  allowTo.forEach((rule, i) => {
    if (!rule.ports || rule.ports.length === 0) {
      throw new InvalidArgumentError(`${where}: allowTo[${i}].ports is ${describe(rule.ports)}; expected the destination ports, e.g. [{ port: 5432 }].`);
    }
    checkPeers(`${where}: allowTo[${i}]`, "egress", rule.peers, rule.ports);
  });

  let ingress: WorkloadSettings["ingress"];
  if (args.ingress) {
    const ing = args.ingress;
    if (typeof ing.host !== "string" || !HOST.test(ing.host)) {
      throw new InvalidArgumentError(`${where}: ingress.host ${describe(ing.host)} is invalid; expected a lower-case DNS name such as "ehr.internal.example.org".`);
    }
    if (ing.certificateArn === undefined || ing.certificateArn === "" || (typeof ing.certificateArn === "string" && !ACM_ARN.test(ing.certificateArn))) {
      throw new InvalidArgumentError(
        `${where}: ingress.certificateArn ${describe(ing.certificateArn)} is not an ACM certificate ARN; expected e.g. "arn:aws:acm:us-east-1:123456789012:certificate/<id>" (the ALB serves HTTPS only).`,
      );
    }
    if (typeof ing.wafAclArn === "string" && !WAF_ARN.test(ing.wafAclArn)) {
      throw new InvalidArgumentError(`${where}: ingress.wafAclArn "${ing.wafAclArn}" is not a regional WAFv2 web ACL ARN; expected "arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>".`);
    }
    if (!Array.isArray(ing.albSubnetCidrs) || ing.albSubnetCidrs.length === 0) {
      throw new InvalidArgumentError(
        `${where}: ingress.albSubnetCidrs is ${describe(ing.albSubnetCidrs)}; expected the CIDRs of the subnets the ALB runs in (e.g. the VPC's private subnets), which the default deny would otherwise block.`,
      );
    }
    for (const cidr of ing.albSubnetCidrs) checkCidr(where, "ingress.albSubnetCidrs", cidr, false);
    for (const cidr of ing.clientCidrs ?? []) checkCidr(where, "ingress.clientCidrs", cidr, false);
    const path = ing.path ?? "/";
    if (!path.startsWith("/")) throw new InvalidArgumentError(`${where}: ingress.path "${path}" is invalid; expected an absolute path such as "/".`);
    if (ing.accessLogsBucket !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(ing.accessLogsBucket)) {
      throw new InvalidArgumentError(`${where}: ingress.accessLogsBucket "${ing.accessLogsBucket}" is not an S3 bucket name.`);
    }
    if (ing.groupName !== undefined) checkDnsLabel(where, "ingress.groupName", ing.groupName);
    ingress = { ...ing, path };
  }

  const selector = { "app.kubernetes.io/name": appName, "app.kubernetes.io/instance": `${args.namespace}-${appName}` };
  const podLabels = { ...(args.podLabels ?? {}) };
  for (const key of Object.keys(podLabels)) {
    if (key in selector) throw new InvalidArgumentError(`${where}: podLabels sets "${key}", which the workload's selector uses; expected other label keys.`);
  }

  return {
    appName,
    namespace: args.namespace,
    selector,
    podLabels,
    allowedRegistries,
    resources: { requests: { cpu: cpuRequest, memory: memoryRequest }, limits: { cpu: cpuLimit, memory: memoryLimit } },
    containerPort,
    servicePort,
    runAsUser,
    runAsGroup,
    automountServiceAccountToken: args.automountServiceAccountToken ?? false,
    writablePaths: args.writablePaths ?? ["/tmp"],
    secretFiles: args.secretFiles ?? [],
    livenessProbe,
    readinessProbe,
    minReplicas,
    maxReplicas,
    targetCpuUtilization,
    allowFrom,
    allowTo,
    ...(ingress ? { ingress } : {}),
  };
}
