import type { Role } from '@/features/auth';

export const ROLES = ['owner', 'admin', 'agent'] as const satisfies readonly Role[];

/** Only an owner can hand out the owner role. */
export function assignableRoles(actorRole: Role): readonly Role[] {
  return actorRole === 'owner' ? ROLES : ROLES.filter((role) => role !== 'owner');
}
