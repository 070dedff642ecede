import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createAiProvider,
  deleteAiProvider,
  getAiRouting,
  listAiCalls,
  listAiProviders,
  testAiProvider,
  updateAiProvider,
  updateAiRouting,
  type AiCallPage,
  type AiCallRead,
  type AiConnectionTest,
  type AiProviderCreate,
  type AiProviderRead,
  type AiProviderUpdate,
  type AiRoutingRead,
  type AiRoutingUpdate,
} from '@/api';
import type { CallQuery } from './callLog';
import { applyRoutingUpdate } from './routing';

export type AiProvider = AiProviderRead;
export type AiRouting = AiRoutingRead;
export type AiCall = AiCallRead;
export type AiCalls = AiCallPage;
export type ConnectionTest = AiConnectionTest;

const providersQueryKey = ['ai', 'providers'] as const;
const routingQueryKey = ['ai', 'routing'] as const;
const callsQueryKey = ['ai', 'calls'] as const;

export function useAiProviders() {
  return useQuery({ queryKey: providersQueryKey, queryFn: async () => (await listAiProviders()).data });
}

/** Adding, changing or removing a provider changes the effective routing too. */
function useInvalidateProviders() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: providersQueryKey }),
      queryClient.invalidateQueries({ queryKey: routingQueryKey }),
    ]);
}

export function useCreateAiProvider() {
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: async (body: AiProviderCreate) => (await createAiProvider({ body })).data,
    onSuccess: invalidate,
  });
}

export function useUpdateAiProvider() {
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: async ({ providerId, changes }: { providerId: string; changes: AiProviderUpdate }) =>
      (await updateAiProvider({ path: { provider_id: providerId }, body: changes })).data,
    onSuccess: invalidate,
  });
}

export function useDeleteAiProvider() {
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: async (providerId: string) => {
      await deleteAiProvider({ path: { provider_id: providerId } });
    },
    onSuccess: invalidate,
  });
}

export function useTestAiProvider() {
  return useMutation({
    mutationFn: async (providerId: string) => (await testAiProvider({ path: { provider_id: providerId } })).data,
  });
}

export function useAiRouting() {
  return useQuery({ queryKey: routingQueryKey, queryFn: async () => (await getAiRouting()).data });
}

/**
 * A new order shows at once and is put back if the server refuses it. Intent examples wait for the
 * server: their editors remount on a change, and a rollback would throw away what the admin typed.
 */
export function useUpdateAiRouting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AiRoutingUpdate) => (await updateAiRouting({ body })).data,
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: routingQueryKey });
      const previous = queryClient.getQueryData<AiRouting>(routingQueryKey);
      if (previous && body.routing && !body.intent_examples) queryClient.setQueryData(routingQueryKey, applyRoutingUpdate(previous, body));
      return { previous };
    },
    onError: (_error, _body, context) => {
      if (context?.previous) queryClient.setQueryData(routingQueryKey, context.previous);
    },
    onSuccess: (routing) => queryClient.setQueryData(routingQueryKey, routing),
  });
}

export function useAiCalls(query: CallQuery) {
  return useQuery({
    queryKey: [...callsQueryKey, query],
    queryFn: async () => (await listAiCalls({ query })).data,
    placeholderData: keepPreviousData,
  });
}
