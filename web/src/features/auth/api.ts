import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptInvitation,
  getInvitationPreview,
  getMe,
  isApiError,
  login,
  logout,
  signup,
  type InvitationAccept,
  type InvitationPreview,
  type LoginRequest,
  type Me,
  type SignupRequest,
} from '@/api';

export type CurrentSession = Me;
export type Role = Me['member']['role'];
export type Availability = Me['member']['availability'];
export type { InvitationPreview };

export const meQueryKey = ['auth', 'me'] as const;

/** Resolves to null when nobody is logged in, so the auth boundary can redirect without an error state. */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      return (await getMe()).data;
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
  return (me: Me) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, me);
  };
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: LoginRequest) => (await login({ body })).data,
    onSuccess: startSession,
  });
}

export function useSignup() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (body: SignupRequest) => (await signup({ body })).data,
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
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['auth', 'invitation', token],
    queryFn: async () => (await getInvitationPreview({ path: { token } })).data,
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
  return (update: (me: Me) => Me) =>
    queryClient.setQueryData<Me | null>(meQueryKey, (me) => (me ? update(me) : me));
}
