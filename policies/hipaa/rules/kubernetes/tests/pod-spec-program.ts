/**
 * One program with a compliant workload of every kind and, for each pod-spec rule, workloads that
 * break it (`bad-*`) or whose relevant value is only known after deploy (`unk-*`). Planned once and
 * shared by the pod-spec rule tests.
 */
import { K8S_PRELUDE } from "./helpers";

export const POD_SPEC_PROGRAM =
  K8S_PRELUDE +
  `
const DIGEST = "sha256:" + "a".repeat(64);
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@" + DIGEST;
const SC = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } };
const RES = { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } };
const PROBE = { httpGet: { path: "/healthz", port: 8080 } };
function c(extra: any = {}, sc: any = {}) {
  return { name: "app", image: IMAGE, securityContext: { ...SC, ...sc }, resources: RES, livenessProbe: PROBE, readinessProbe: PROBE, ports: [{ containerPort: 8080 }], ...extra };
}
function pod(extra: any = {}, psc: any = {}) {
  return { serviceAccountName: "app", automountServiceAccountToken: false, securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" }, ...psc }, containers: [c()], ...extra };
}
const META = { namespace: "app" };
function template(name: string, spec: any) { return { metadata: { labels: { app: name } }, spec }; }
function deploy(name: string, spec: any, metadata: any = META) {
  return new k8s.apps.v1.Deployment(name, { metadata, spec: { selector: { matchLabels: { app: name } }, template: template(name, spec) } });
}

// Compliant, one of every kind.
new k8s.core.v1.Pod("ok-pod", { metadata: META, spec: pod() });
deploy("ok-deployment", pod());
new k8s.apps.v1.StatefulSet("ok-statefulset", { metadata: META, spec: { serviceName: "s", selector: { matchLabels: { app: "s" } }, template: template("s", pod()) } });
new k8s.apps.v1.DaemonSet("ok-daemonset", { metadata: META, spec: { selector: { matchLabels: { app: "d" } }, template: template("d", pod()) } });
new k8s.apps.v1.ReplicaSet("ok-replicaset", { metadata: META, spec: { selector: { matchLabels: { app: "r" } }, template: template("r", pod()) } });
new k8s.core.v1.ReplicationController("ok-replicationcontroller", { metadata: META, spec: { selector: { app: "rc" }, template: template("rc", pod()) } });
new k8s.core.v1.PodTemplate("ok-podtemplate", { metadata: META, template: template("pt", pod()) });
new k8s.batch.v1.Job("ok-job", { metadata: META, spec: { template: { spec: pod({ restartPolicy: "Never" }) } } });
new k8s.batch.v1.CronJob("ok-cronjob", { metadata: META, spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: pod({ restartPolicy: "Never" }) } } } } });
// Compliant variants.
deploy("ok-nonroot-on-containers", pod({ containers: [c({}, { runAsNonRoot: true })] }, { runAsNonRoot: undefined }));
deploy("ok-net-bind-service", pod({ containers: [c({}, { capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } })] }));
deploy("ok-seccomp-on-containers", pod({ containers: [c({}, { seccompProfile: { type: "Localhost", localhostProfile: "app.json" } })] }, { seccompProfile: undefined }));
deploy("ok-token-requested", pod({ automountServiceAccountToken: true, serviceAccountName: "operator" }));
deploy("ok-configmap-env", pod({ containers: [c({ env: [{ name: "MODE", valueFrom: { configMapKeyRef: { name: "cfg", key: "mode" } } }] })] }));
deploy("ok-unknown-quantities", pod({ containers: [c({ resources: { requests: { cpu: U("100m"), memory: U("128Mi") }, limits: { cpu: U("1"), memory: U("1Gi") } } })] }));
deploy("ok-key-from-output", pod({ containers: [c({ livenessProbe: U(PROBE) })] }));
const team = new k8s.Provider("team", { namespace: "team" });
new k8s.core.v1.Pod("ok-provider-namespace", { spec: pod() }, { provider: team });
new k8s.batch.v1.Job("ok-job-without-probes", { metadata: META, spec: { template: { spec: pod({ restartPolicy: "Never", containers: [c({ livenessProbe: undefined, readinessProbe: undefined })] }) } } });

// Violations.
new k8s.batch.v1.CronJob("bad-privileged", { metadata: META, spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: pod({ restartPolicy: "Never", containers: [c({}, { privileged: true })] }) } } } } });
deploy("bad-privileged-init", pod({ initContainers: [c({ name: "init" }, { privileged: true })] }));
deploy("bad-host-process", pod({}, { windowsOptions: { hostProcess: true } }));
new k8s.apps.v1.DaemonSet("bad-host-network", { metadata: META, spec: { selector: { matchLabels: { app: "hn" } }, template: template("hn", pod({ hostNetwork: true })) } });
new k8s.core.v1.Pod("bad-host-pid-ipc", { metadata: META, spec: pod({ hostPID: true, hostIPC: true }) });
deploy("bad-host-path", pod({ volumes: [{ name: "sock", hostPath: { path: "/var/run/docker.sock" } }] }));
deploy("bad-host-port", pod({ containers: [c({ ports: [{ containerPort: 8080, hostPort: 8080 }] })] }));
deploy("bad-escalation-unset", pod({ containers: [c({}, { allowPrivilegeEscalation: undefined })] }));
new k8s.core.v1.Pod("bad-escalation-ephemeral", { metadata: META, spec: pod({ ephemeralContainers: [{ name: "debug", image: IMAGE, securityContext: { ...SC, allowPrivilegeEscalation: true, seccompProfile: { type: "RuntimeDefault" } } }] }) });
deploy("bad-root-pod-false", pod({}, { runAsNonRoot: false }));
deploy("bad-root-unset", pod({ containers: [c({}, { runAsNonRoot: undefined })] }, { runAsNonRoot: undefined }));
deploy("bad-root-uid", pod({ containers: [c({}, { runAsUser: 0 })] }));
deploy("bad-caps-not-dropped", pod({ containers: [c({}, { capabilities: { drop: ["NET_RAW"] } })] }));
deploy("bad-caps-added", pod({ containers: [c({}, { capabilities: { drop: ["ALL"], add: ["SYS_ADMIN"] } })] }));
deploy("bad-seccomp-unset", pod({}, { seccompProfile: undefined }));
deploy("bad-seccomp-unconfined", pod({ containers: [c({}, { seccompProfile: { type: "Unconfined" } })] }));
deploy("bad-writable-root", pod({ containers: [c({}, { readOnlyRootFilesystem: false })] }));
deploy("bad-no-cpu-limit", pod({ containers: [c({ resources: { requests: RES.requests, limits: { memory: "256Mi" } } })] }));
deploy("bad-init-no-resources", pod({ initContainers: [c({ name: "init", resources: undefined })] }));
deploy("bad-latest", pod({ containers: [c({ image: "nginx:latest" })] }));
deploy("bad-ecr-tag", pod({ containers: [c({ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2" })] }));
deploy("bad-ecr-latest", pod({ containers: [c({ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest" })] }));
deploy("bad-automount-unset", pod({ automountServiceAccountToken: undefined }));
deploy("bad-token-default-sa", pod({ automountServiceAccountToken: true, serviceAccountName: "default" }));
deploy("bad-sa-unset", pod({ serviceAccountName: undefined }));
deploy("bad-default-namespace", pod(), { namespace: "default" });
new k8s.core.v1.Pod("bad-no-namespace", { spec: pod() });
deploy("bad-no-probes", pod({ containers: [c({ livenessProbe: undefined, readinessProbe: undefined })] }));
deploy("bad-secret-env", pod({ containers: [c({ env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }] })] }));
deploy("bad-secret-envfrom", pod({ containers: [c({ envFrom: [{ secretRef: { name: "db" } }] })] }));
new k8s.apps.v1.DeploymentPatch("bad-patch-privileged", { metadata: { name: "legacy", namespace: "app" }, spec: { template: { spec: { containers: [{ name: "app", securityContext: { privileged: true } }] } } } });

// Values known only after deploy.
deploy("unk-privileged", pod({ containers: [c({}, { privileged: U(false) })] }));
deploy("unk-host-network", pod({ hostNetwork: U(false) }));
deploy("unk-volumes", pod({ volumes: U([{ name: "tmp", emptyDir: {} }]) }));
deploy("unk-host-port", pod({ containers: [c({ ports: [{ containerPort: 8080, hostPort: U(0) }] })] }));
deploy("unk-escalation", pod({ containers: [c({}, { allowPrivilegeEscalation: U(false) })] }));
deploy("unk-non-root", pod({}, { runAsNonRoot: U(true) }));
deploy("unk-caps", pod({ containers: [c({}, { capabilities: { drop: U(["ALL"]) } })] }));
deploy("unk-seccomp", pod({}, { seccompProfile: { type: U("RuntimeDefault") } }));
deploy("unk-read-only", pod({ containers: [c({}, { readOnlyRootFilesystem: U(true) })] }));
deploy("unk-resources", pod({ containers: [c({ resources: U(RES) })] }));
deploy("unk-image", pod({ containers: [c({ image: U(IMAGE) })] }));
deploy("unk-automount", pod({ automountServiceAccountToken: U(false) }));
deploy("unk-service-account", pod({ serviceAccountName: U("app") }));
deploy("unk-namespace", pod(), { namespace: U("app") });
deploy("unk-secret-env", pod({ containers: [c({ env: U([{ name: "MODE", value: "x" }]) })] }));
deploy("unk-containers", pod({ containers: U([c()]) }));
`;
