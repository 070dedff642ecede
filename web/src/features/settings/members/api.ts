import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createInvitation,
  removeMember,
  listInvitations,
  listMembers,
  revokeInvitation,
  updateMember,
  type InvitationCreate,
  type InvitationCreated,
  type InvitationRead,
  type MemberRead,
  type MemberUpdate,
} from '@/api';

export type Member = MemberRead;
export type Invitation = InvitationRead;
export type CreatedInvitation = InvitationCreated;

export const membersQueryKey = ['members'] as const;
const invitationsQueryKey = ['invitations'] as const;

export function useMembers() {
  return useQuery({ queryKey: membersQueryKey, queryFn: async () => (await listMembers()).data });
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ memberId, changes }: { memberId: string; changes: MemberUpdate }) =>
      (await updateMember({ path: { member_id: memberId }, body: changes })).data,
    onSuccess: (updated) =>
      queryClient.setQueryData<Member[]>(membersQueryKey, (members) =>
        members?.map((member) => (member.id === updated.id ? updated : member)),
      ),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (memberId: string) => {
      await removeMember({ path: { member_id: memberId } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}

export function useInvitations() {
  return useQuery({ queryKey: invitationsQueryKey, queryFn: async () => (await listInvitations()).data });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InvitationCreate) => (await createInvitation({ body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (invitationId: string) => {
      await revokeInvitation({ path: { invitation_id: invitationId } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
