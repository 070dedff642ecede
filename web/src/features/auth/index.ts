export {
  meQueryKey,
  meQueryOptions,
  useLogout,
  useMeQuery,
  useUpdateCachedSession,
  type Availability,
  type CurrentSession,
  type Role,
} from './api';
export { HOME_PATH, safeNextPath } from './redirects';
export { canManageWorkspace, SessionProvider, useSession } from './session';
