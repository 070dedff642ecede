import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readWorkspace, updateWorkspace, type WorkspaceRead, type WorkspaceUpdate } from '@/api';
import { useUpdateCachedSession } from '@/features/auth';

export type Workspace = WorkspaceRead;

const workspaceQueryKey = ['workspace'] as const;

export function useWorkspace() {
  return useQuery({ queryKey: workspaceQueryKey, queryFn: async () => (await readWorkspace()).data });
}

/** The top bar reads the workspace name from the session, so the session copy is updated too. */
export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  const updateCachedSession = useUpdateCachedSession();
  return useMutation({
    mutationFn: async (changes: WorkspaceUpdate) => (await updateWorkspace({ body: changes })).data,
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceQueryKey, workspace);
      updateCachedSession((me) => ({
        ...me,
        workspace: { ...me.workspace, name: workspace.name, timezone: workspace.timezone, language: workspace.language },
      }));
    },
  });
}
