import { canManageWorkspace, useSession } from '@/features/auth';

export function useCanManageWorkspace(): boolean {
  return canManageWorkspace(useSession().member.role);
}
