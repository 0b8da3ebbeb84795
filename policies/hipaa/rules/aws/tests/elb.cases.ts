import { HEADER, type ServiceCases } from "./support";

export default {
  service: "Elastic Load Balancing and WAF association",
  program: `${HEADER}
const cert = new aws.acm.Certificate("cert", { domainName: "app.example.org", validationMethod: "DNS" });
const validation = new aws.acm.CertificateValidation("cert-validation", { certificateArn: cert.arn });
const serverCert = new aws.iam.ServerCertificate("legacy-cert", { certificateBody: "x", privateKey: "y" });
const lbArgs = { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"] };
const okAlb = new aws.lb.LoadBalancer("ok-alb", { ...lbArgs, dropInvalidHeaderFields: true, enableDeletionProtection: true, accessLogs: { bucket: "access-logs", enabled: true } });
const acl = new aws.wafv2.WebAcl("web-acl", { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "acl", sampledRequestsEnabled: true } });
new aws.wafv2.WebAclLoggingConfiguration("web-acl-logging", { resourceArn: acl.arn, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-app"] });
new aws.wafv2.WebAclAssociation("ok-alb-waf", { resourceArn: okAlb.arn, webAclArn: acl.arn });
const badAlb = new aws.alb.LoadBalancer("bad-alb", { ...lbArgs, accessLogs: { bucket: "access-logs" } });
new aws.lb.LoadBalancer("internal-alb", { ...lbArgs, internal: true, dropInvalidHeaderFields: true, enableDeletionProtection: true, accessLogs: { bucket: "access-logs", enabled: true } });
new aws.lb.LoadBalancer("ok-nlb", { subnets: ["subnet-a"], loadBalancerType: "network", enableDeletionProtection: true, accessLogs: { bucket: "access-logs", enabled: true } });
new aws.lb.LoadBalancer("gwlb", { subnets: ["subnet-a"], loadBalancerType: "gateway", enableDeletionProtection: true });
new aws.lb.LoadBalancer("unk-alb", { ...lbArgs, internal: true, dropInvalidHeaderFields: cert.arn.apply(() => true), enableDeletionProtection: true, accessLogs: { bucket: "access-logs", enabled: true } });

const forward = [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1" }];
new aws.lb.Listener("ok-https", { loadBalancerArn: okAlb.arn, port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", certificateArn: validation.certificateArn, defaultActions: forward });
new aws.lb.Listener("ok-redirect", { loadBalancerArn: okAlb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] });
new aws.lb.Listener("ok-tls", { loadBalancerArn: okAlb.arn, port: 8443, protocol: "TLS", sslPolicy: "ELBSecurityPolicy-FS-1-2-Res-2020-10", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", defaultActions: forward });
new aws.alb.Listener("bad-http", { loadBalancerArn: badAlb.arn, port: 80, defaultActions: forward });
new aws.lb.Listener("bad-old-tls", { loadBalancerArn: badAlb.arn, port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08", certificateArn: serverCert.arn, defaultActions: forward });
new aws.lb.Listener("bad-no-policy", { loadBalancerArn: badAlb.arn, port: 8443, protocol: "HTTPS", certificateArn: "arn:aws:iam::123456789012:server-certificate/legacy", defaultActions: forward });
new aws.lb.Listener("tcp-passthrough", { loadBalancerArn: okAlb.arn, port: 5432, protocol: "TCP", defaultActions: forward });
new aws.lb.Listener("unk-policy-listener", { loadBalancerArn: okAlb.arn, port: 9443, protocol: "HTTPS", sslPolicy: cert.arn.apply(() => "ELBSecurityPolicy-TLS13-1-2-2021-06"), certificateArn: cert.arn, defaultActions: forward });

new aws.elb.LoadBalancer("ok-classic", { availabilityZones: ["us-east-1a"], listeners: [{ lbPort: 443, lbProtocol: "https", instancePort: 443, instanceProtocol: "https", sslCertificateId: cert.arn }], accessLogs: { bucket: "access-logs" } });
new aws.elb.LoadBalancer("bad-classic", { availabilityZones: ["us-east-1a"], listeners: [{ lbPort: 80, lbProtocol: "http", instancePort: 80, instanceProtocol: "http" }, { lbPort: 443, lbProtocol: "https", instancePort: 443, instanceProtocol: "http", sslCertificateId: "arn:aws:iam::123456789012:server-certificate/legacy" }] });
`,
  cases: [
    {
      rule: "elb-listener-https-only",
      pass: ["ok-https", "ok-redirect", "ok-tls", "bad-old-tls", "ok-classic"],
      fail: ["bad-http", "bad-classic"],
      notApplicable: ["tcp-passthrough"],
    },
    {
      rule: "elb-listener-tls-1-2-policy",
      pass: ["ok-https", "ok-tls"],
      fail: ["bad-old-tls", "bad-no-policy"],
      unknown: ["unk-policy-listener"],
      notApplicable: ["ok-redirect", "bad-http"],
    },
    {
      rule: "elb-listener-uses-acm-certificate",
      pass: ["ok-https", "ok-tls", "unk-policy-listener", "ok-classic", "ok-redirect"],
      fail: ["bad-old-tls", "bad-no-policy", "bad-classic"],
    },
    { rule: "alb-drop-invalid-header-fields", pass: ["ok-alb", "internal-alb"], fail: ["bad-alb"], unknown: ["unk-alb"], notApplicable: ["ok-nlb", "gwlb"] },
    { rule: "elb-deletion-protection-enabled", pass: ["ok-alb", "internal-alb", "ok-nlb", "gwlb"], fail: ["bad-alb"] },
    { rule: "elb-access-logs-enabled", pass: ["ok-alb", "internal-alb", "ok-nlb", "ok-classic"], fail: ["bad-alb", "bad-classic"], notApplicable: ["gwlb"] },
    { rule: "alb-waf-associated", pass: ["ok-alb", "internal-alb", "ok-nlb"], fail: ["bad-alb"] },
  ],
} satisfies ServiceCases;
