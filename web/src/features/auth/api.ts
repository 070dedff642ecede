import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptInvitation,
  isApiError,
  login,
  logout,
  me as readMe,
  previewInvitation,
  signup,
  type InvitationAccept,
  type InvitationPreview,
  type LoginCreate,
  type MeRead,
  type SignupCreate,
} from '@/api';
import { forgetDrafts } from '@/lib/drafts';

export type CurrentSession = MeRead;
export type Role = MeRead['member']['role'];
export type Availability = MeRead['member']['availability'];
export type { InvitationPreview };

export const meQueryKey = ['auth', 'me'] as const;

/** Resolves to null when nobody is logged in, so the auth boundary can redirect without an error state. */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<MeRead | null> => {
    try {
      return (await readMe()).data;
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMeQuery() {
  return useQuery(meQueryOptions);
}

function useStartSession() {
  const queryClient = useQueryClient();
  return (me: MeRead) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, me);
  };
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: LoginCreate) => (await login({ body })).data,
    onSuccess: startSession,
  });
}

export function useSignup() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: SignupCreate) => (await signup({ body })).data,
    onSuccess: startSession,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await logout();
    },
    onSettled: () => {
      forgetDrafts();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['auth', 'invitation', token],
    queryFn: async () => (await previewInvitation({ path: { token } })).data,
    staleTime: Infinity,
  });
}

export function useAcceptInvitation(token: string) {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: InvitationAccept) => (await acceptInvitation({ path: { token }, body })).data,
    onSuccess: startSession,
  });
}

export function useUpdateCachedSession() {
  const queryClient = useQueryClient();
  return (update: (me: MeRead) => MeRead) =>
    queryClient.setQueryData<MeRead | null>(meQueryKey, (me) => (me ? update(me) : me));
}
