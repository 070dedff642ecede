import { Building2, KeyRound, type LucideIcon, Users, UsersRound } from 'lucide-react';
import type { ParseKeys } from 'i18next';

export type NavItem = { to: string; labelKey: ParseKeys; icon: LucideIcon };
export type NavSection = { labelKey: ParseKeys; items: NavItem[] };

/** Only sections that exist today; inbox, contacts and the rest join as they are built. */
export const NAV_SECTIONS: NavSection[] = [
  {
    labelKey: 'nav.settings',
    items: [
      { to: '/settings/workspace', labelKey: 'nav.workspace', icon: Building2 },
      { to: '/settings/members', labelKey: 'nav.members', icon: Users },
      { to: '/settings/teams', labelKey: 'nav.teams', icon: UsersRound },
      { to: '/settings/api-tokens', labelKey: 'nav.apiTokens', icon: KeyRound },
    ],
  },
];
