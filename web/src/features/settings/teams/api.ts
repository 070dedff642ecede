import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createTeam, deleteTeam, listTeams, updateTeam, type TeamCreate, type TeamRead, type TeamUpdate } from '@/api';
import { membersQueryKey } from '../members/api';

export type Team = TeamRead;
const teamsQueryKey = ['teams'] as const;

export function useTeams() {
  return useQuery({ queryKey: teamsQueryKey, queryFn: async () => (await listTeams()).data });
}

/** Team membership is also shown on the members list, so both lists are refreshed. */
function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: teamsQueryKey }),
      queryClient.invalidateQueries({ queryKey: membersQueryKey }),
    ]);
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async (body: TeamCreate) => (await createTeam({ body })).data,
    onSuccess: invalidate,
  });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async ({ teamId, changes }: { teamId: string; changes: TeamUpdate }) =>
      (await updateTeam({ path: { team_id: teamId }, body: changes })).data,
    onSuccess: invalidate,
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async (teamId: string) => {
      await deleteTeam({ path: { team_id: teamId } });
    },
    onSuccess: invalidate,
  });
}
