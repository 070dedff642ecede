import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenCreate, type ApiTokenCreated, type ApiTokenRead } from '@/api';

export type ApiToken = ApiTokenRead;
export type CreatedApiToken = ApiTokenCreated;

const apiTokensQueryKey = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: apiTokensQueryKey, queryFn: async () => (await listApiTokens()).data });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApiTokenCreate) => (await createApiToken({ body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (tokenId: string) => {
      await revokeApiToken({ path: { token_id: tokenId } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}
