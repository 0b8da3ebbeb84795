/**
 * The trust policy of an IAM role assumed through EKS Pod Identity, narrowed to one service
 * account of one cluster (the tags EKS sets on the session). Shared by every component that
 * gives a pod an AWS role.
 */

/** A plain string, so the policy stays known at preview and the pack can read it. */
export function podIdentityTrustPolicy(clusterName: string, namespace: string, serviceAccount: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "EksPodIdentity",
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
          StringEquals: {
            "aws:RequestTag/eks-cluster-name": clusterName,
            "aws:RequestTag/kubernetes-namespace": namespace,
            "aws:RequestTag/kubernetes-service-account": serviceAccount,
          },
        },
      },
    ],
  });
}
