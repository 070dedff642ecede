export { AvailabilityMenu } from './members/AvailabilityMenu';
export { type Member, useMembers } from './members/api';
export { useCanManageWorkspace } from './permissions';
export { QueryBoundary } from './QueryBoundary';
export { type Team, useTeams } from './teams/api';
