/** The parts of a user record that decide its permission roles. */
export interface RoleSource {
  $id: string
  emailVerification?: boolean
  phoneVerification?: boolean
  labels?: string[]
}

/** A confirmed team membership, as roles see it. */
export interface MembershipRoles {
  $id: string
  teamId: string
  roles: string[]
}

/**
 * The permission roles a user holds (User::getRoles): `users`, `user:ID`, their verified/unverified variants,
 * `team:ID`, `team:ID/role` and `member:ID` for each confirmed membership, and `label:NAME` for each label.
 */
export const rolesOfUser = (user: RoleSource, memberships: readonly MembershipRoles[] = []): string[] => {
  const status = user.emailVerification || user.phoneVerification ? 'verified' : 'unverified'
  const roles = [`user:${user.$id}`, 'users', `user:${user.$id}/${status}`, `users/${status}`]
  for (const m of memberships) {
    roles.push(`team:${m.teamId}`, `member:${m.$id}`)
    for (const role of m.roles) roles.push(`team:${m.teamId}/${role}`)
  }
  for (const label of user.labels ?? []) roles.push(`label:${label}`)
  return roles
}

export const GUEST_ROLES: readonly string[] = ['guests']
