import { HEADER, type ServiceCases } from "./support";

export default {
  service: "VPC and network",
  program: `${HEADER}
// A compliant VPC: flow log, emptied default security group, S3 and KMS endpoints.
const okVpc = new aws.ec2.Vpc("ok-vpc", { cidrBlock: "10.0.0.0/16" });
new aws.ec2.FlowLog("ok-flow-log", { vpcId: okVpc.id, trafficType: "ALL", logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:flow" });
new aws.ec2.DefaultSecurityGroup("ok-default-sg", { vpcId: okVpc.id });
new aws.ec2.VpcEndpoint("s3-endpoint", { vpcId: okVpc.id, serviceName: "com.amazonaws.us-east-1.s3" });
const region = aws.getRegionOutput();
new aws.ec2.VpcEndpoint("kms-endpoint", { vpcId: okVpc.id, serviceName: pulumi.interpolate\`com.amazonaws.\${region.region}.kms\`, vpcEndpointType: "Interface" });
// A VPC with none of it, and a default security group that keeps rules.
const badVpc = new aws.ec2.Vpc("bad-vpc", { cidrBlock: "10.1.0.0/16" });
new aws.ec2.FlowLog("bad-flow-log-rejects", { subnetId: "subnet-0123456789abcdef0", trafficType: "REJECT", logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:x" });
const openVpc = new aws.ec2.Vpc("open-default-vpc", { cidrBlock: "10.2.0.0/16" });
new aws.ec2.FlowLog("open-flow-log", { vpcId: openVpc.id, trafficType: "ALL", logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:y" });
new aws.ec2.DefaultSecurityGroup("bad-default-sg", { vpcId: openVpc.id, ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] });
new aws.ec2.VpcEndpoint("open-s3-endpoint", { vpcId: openVpc.id, serviceName: "com.amazonaws.us-east-1.s3" });

new aws.ec2.Subnet("ok-subnet", { vpcId: okVpc.id, cidrBlock: "10.0.1.0/24" });
new aws.ec2.Subnet("bad-public-subnet", { vpcId: okVpc.id, cidrBlock: "10.0.2.0/24", mapPublicIpOnLaunch: true });

new aws.ec2.SecurityGroup("ok-sg", {
  vpcId: okVpc.id,
  ingress: [
    { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
    { protocol: "tcp", fromPort: 80, toPort: 80, ipv6CidrBlocks: ["::/0"] },
    { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] },
  ],
});
new aws.ec2.SecurityGroup("bad-ssh-sg", { vpcId: okVpc.id, ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });
new aws.ec2.SecurityGroup("bad-all-traffic-sg", { vpcId: okVpc.id, ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }] });
new aws.ec2.SecurityGroup("bad-app-port-sg", { vpcId: okVpc.id, ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }] });
const sg = new aws.ec2.SecurityGroup("plain-sg", { vpcId: okVpc.id });
new aws.ec2.SecurityGroupRule("bad-rdp-rule", { type: "ingress", securityGroupId: sg.id, protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] });
new aws.ec2.SecurityGroupRule("ok-egress-rule", { type: "egress", securityGroupId: sg.id, protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] });
new aws.vpc.SecurityGroupIngressRule("bad-mysql-ingress", { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 3306, toPort: 3306, cidrIpv4: "0.0.0.0/0" });
new aws.vpc.SecurityGroupIngressRule("ok-https-ingress", { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" });
new aws.vpc.SecurityGroupIngressRule("unk-cidr-ingress", { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: okVpc.id.apply(() => "0.0.0.0/0") });

new aws.ec2.NetworkAcl("ok-nacl", { vpcId: okVpc.id, ingress: [
  { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
  { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" },
  { ruleNo: 120, action: "deny", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" },
] });
new aws.ec2.NetworkAcl("bad-nacl", { vpcId: okVpc.id, ingress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }] });
new aws.ec2.NetworkAclRule("bad-nacl-rule", { networkAclId: "acl-0123456789abcdef0", ruleNumber: 200, egress: false, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 1024, toPort: 65535 });
new aws.ec2.NetworkAclRule("ok-nacl-egress-rule", { networkAclId: "acl-0123456789abcdef0", ruleNumber: 201, egress: true, protocol: "-1", ruleAction: "allow", cidrBlock: "0.0.0.0/0" });
`,
  cases: [
    { rule: "vpc-subnet-no-public-ip-on-launch", pass: ["ok-subnet"], fail: ["bad-public-subnet"] },
    { rule: "vpc-flow-logs-enabled", pass: ["ok-vpc", "open-default-vpc"], fail: ["bad-vpc"] },
    { rule: "vpc-flow-log-captures-all-traffic", pass: ["ok-flow-log", "open-flow-log"], fail: ["bad-flow-log-rejects"] },
    { rule: "vpc-default-security-group-closed", pass: ["ok-vpc", "ok-default-sg", "open-default-vpc"], fail: ["bad-vpc", "bad-default-sg"] },
    { rule: "vpc-endpoints-for-s3-and-kms", pass: ["ok-vpc"], fail: ["bad-vpc", "open-default-vpc"] },
    {
      rule: "security-group-no-public-admin-ingress",
      pass: ["ok-sg", "bad-app-port-sg", "plain-sg", "ok-egress-rule", "ok-https-ingress", "ok-default-sg"],
      fail: ["bad-ssh-sg", "bad-all-traffic-sg", "bad-rdp-rule", "bad-mysql-ingress"],
      unknown: ["unk-cidr-ingress"],
    },
    {
      rule: "security-group-public-ingress-only-authorized-ports",
      pass: ["ok-sg", "plain-sg", "ok-egress-rule", "ok-https-ingress", "ok-default-sg"],
      fail: ["bad-ssh-sg", "bad-all-traffic-sg", "bad-app-port-sg", "bad-rdp-rule", "bad-mysql-ingress"],
      unknown: ["unk-cidr-ingress"],
    },
    { rule: "network-acl-no-public-admin-ingress", pass: ["ok-nacl", "ok-nacl-egress-rule"], fail: ["bad-nacl", "bad-nacl-rule"] },
  ],
} satisfies ServiceCases;
