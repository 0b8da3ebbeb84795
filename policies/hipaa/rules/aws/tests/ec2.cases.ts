import { HEADER, type ServiceCases } from "./support";

export default {
  service: "EC2 and EBS",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const profile = new aws.iam.InstanceProfile("profile", { role: "workload" });
new aws.ec2.LaunchTemplate("ok-lt", {
  metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1, httpEndpoint: "enabled" },
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: key.arn, volumeSize: 50 } }],
  networkInterfaces: [{ associatePublicIpAddress: "false" }],
  iamInstanceProfile: { arn: profile.arn },
  monitoring: { enabled: true },
});
new aws.ec2.LaunchTemplate("bad-lt", {
  metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 2 },
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }],
  networkInterfaces: [{ associatePublicIpAddress: "true" }],
});
new aws.ec2.LaunchTemplate("bad-lt-defaults", { imageId: "ami-0123456789abcdef0" });
new aws.ec2.LaunchTemplate("bad-lt-aws-key", {
  metadataOptions: { httpTokens: "required" },
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: "alias/aws/ebs" } }],
  iamInstanceProfile: { name: "workload" },
  monitoring: { enabled: true },
});
new aws.ec2.LaunchTemplate("unk-lt", { metadataOptions: { httpTokens: key.arn.apply(() => "required") }, monitoring: { enabled: key.arn.apply(() => true) } });
new aws.ec2.Instance("ok-instance", {
  ami: "ami-0123456789abcdef0", instanceType: "t3.micro", subnetId: "subnet-0123456789abcdef0",
  metadataOptions: { httpTokens: "required" },
  rootBlockDevice: { encrypted: true, kmsKeyId: key.arn },
  ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: key.arn }],
  iamInstanceProfile: profile.name,
  monitoring: true,
});
new aws.ec2.Instance("bad-instance", {
  ami: "ami-0123456789abcdef0", instanceType: "t3.micro", associatePublicIpAddress: true,
  rootBlockDevice: { encrypted: true },
});
new aws.ec2.Instance("from-template", { launchTemplate: { name: "ok-lt" }, subnetId: "subnet-0123456789abcdef0" });
new aws.ec2.LaunchConfiguration("bad-launch-config", { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", associatePublicIpAddress: true });
const asg = { maxSize: 2, minSize: 1, vpcZoneIdentifiers: ["subnet-a"], launchTemplate: { name: "ok-lt" } };
new aws.autoscaling.Group("ok-asg", { ...asg, targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1"], healthCheckType: "ELB" });
new aws.autoscaling.Group("bad-asg", { ...asg, targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1"] });
new aws.autoscaling.Group("standalone-asg", asg);
new aws.ebs.Volume("ok-volume", { availabilityZone: "us-east-1a", size: 10, encrypted: true, kmsKeyId: key.arn });
new aws.ebs.Volume("bad-volume-unencrypted", { availabilityZone: "us-east-1a", size: 10 });
new aws.ebs.Volume("bad-volume-default-key", { availabilityZone: "us-east-1a", size: 10, encrypted: true });
`,
  cases: [
    {
      rule: "ec2-imdsv2-required",
      pass: ["ok-lt", "bad-lt-aws-key", "ok-instance"],
      fail: ["bad-lt", "bad-lt-defaults", "bad-instance", "bad-launch-config"],
      unknown: ["unk-lt"],
      notApplicable: ["from-template"],
    },
    { rule: "ec2-metadata-hop-limit-one", pass: ["ok-lt", "bad-lt-defaults", "ok-instance", "bad-launch-config"], fail: ["bad-lt"], notApplicable: ["from-template"] },
    {
      rule: "ec2-ebs-encrypted-with-cmk",
      pass: ["ok-lt", "ok-instance"],
      fail: ["bad-lt", "bad-lt-defaults", "bad-lt-aws-key", "unk-lt", "bad-instance", "bad-launch-config"],
      notApplicable: ["from-template"],
    },
    { rule: "ec2-no-public-ip", pass: ["ok-lt", "bad-lt-defaults", "ok-instance", "from-template"], fail: ["bad-lt", "bad-instance", "bad-launch-config"] },
    { rule: "ec2-instance-profile-attached", pass: ["ok-instance"], fail: ["bad-instance"], notApplicable: ["from-template"] },
    {
      rule: "ec2-detailed-monitoring-enabled",
      pass: ["ok-lt", "bad-lt-aws-key", "ok-instance"],
      fail: ["bad-lt", "bad-lt-defaults", "bad-instance"],
      unknown: ["unk-lt"],
      notApplicable: ["from-template"],
    },
    { rule: "ec2-instance-in-explicit-subnet", pass: ["ok-instance", "from-template"], fail: ["bad-instance"] },
    { rule: "autoscaling-group-elb-health-check", pass: ["ok-asg"], fail: ["bad-asg"], notApplicable: ["standalone-asg"] },
    { rule: "ebs-volume-encrypted-with-cmk", pass: ["ok-volume"], fail: ["bad-volume-unencrypted", "bad-volume-default-key"] },
  ],
} satisfies ServiceCases;
