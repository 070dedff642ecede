import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createNumber,
  createTemplate,
  deleteNumber,
  deleteTemplate,
  listNumbers,
  listTemplates,
  syncTemplates,
  testNumber,
  updateNumber,
  type NumberCreate,
  type NumberRead,
  type NumberTestResult,
  type NumberUpdate,
  type TemplateCreate,
  type TemplateRead,
} from '@/api';

export type WhatsAppNumber = NumberRead;
export type Template = TemplateRead;
export type ConnectionTestResult = NumberTestResult;

const numbersQueryKey = ['whatsapp', 'numbers'] as const;
const templatesQueryKey = ['whatsapp', 'templates'] as const;

export function useNumbers() {
  return useQuery({ queryKey: numbersQueryKey, queryFn: async () => (await listNumbers()).data });
}

export function useCreateNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NumberCreate) => (await createNumber({ body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: numbersQueryKey }),
  });
}

export function useUpdateNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ numberId, changes }: { numberId: string; changes: NumberUpdate }) =>
      (await updateNumber({ path: { number_id: numberId }, body: changes })).data,
    onSuccess: (updated) =>
      queryClient.setQueryData<WhatsAppNumber[]>(numbersQueryKey, (numbers) =>
        numbers?.map((number) => (number.id === updated.id ? updated : number)),
      ),
  });
}

export function useDeleteNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (numberId: string) => {
      await deleteNumber({ path: { number_id: numberId } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: numbersQueryKey }),
  });
}

export function useTestNumber() {
  return useMutation({
    mutationFn: async (numberId: string) => (await testNumber({ path: { number_id: numberId } })).data,
  });
}

/** WhatsApp's review answers by webhook, minutes later: the server then sends `templates.changed`. */
export function useTemplates() {
  return useQuery({
    queryKey: templatesQueryKey,
    queryFn: async () => (await listTemplates()).data,
  });
}

/** Open template lists and pickers fetch again (an approval or a sync happened elsewhere). */
export function refreshTemplates(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: templatesQueryKey });
}

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TemplateCreate) => (await createTemplate({ body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesQueryKey }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (templateId: string) => {
      await deleteTemplate({ path: { template_id: templateId } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesQueryKey }),
  });
}

export function useSyncTemplates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await syncTemplates()).data,
    onSuccess: (templates) => queryClient.setQueryData(templatesQueryKey, templates),
  });
}
