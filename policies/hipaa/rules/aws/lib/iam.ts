/** IAM identity policies, wherever a program writes them. */
import { arrayOf, type Props } from "./props";

export const POLICY = "aws:iam/policy:Policy";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const USER_POLICY = "aws:iam/userPolicy:UserPolicy";
export const GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
export const ROLE = "aws:iam/role:Role";
export const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
export const USER_POLICY_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
export const GROUP_POLICY_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
export const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";

/** Resource types that hold an identity policy document. */
export const IDENTITY_POLICY_TYPES: readonly string[] = [POLICY, ROLE_POLICY, USER_POLICY, GROUP_POLICY, ROLE];

/** The identity policy documents a resource holds (not a role's trust policy). */
export function identityPolicies(type: string, props: Props): { where: string; document: unknown }[] {
  if (type === ROLE) {
    return arrayOf<Props>(props.inlinePolicies).map((p, i) => ({
      where: `inlinePolicies[${i}]${p.name ? ` '${p.name}'` : ""}`,
      document: p.policy,
    }));
  }
  if (IDENTITY_POLICY_TYPES.includes(type) && props.policy !== undefined) return [{ where: "policy", document: props.policy }];
  return [];
}

/** AWS managed policies that grant full administrative access. */
export const ADMIN_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
