import { BookOpen, Building2, Inbox, KeyRound, type LucideIcon, MessageCircle, Sparkles, Users, UsersRound } from 'lucide-react';
import type { ParseKeys } from 'i18next';

export type NavItem = { to: string; labelKey: ParseKeys; icon: LucideIcon };
/** A section without a label is shown first, without a heading. */
export type NavSection = { labelKey?: ParseKeys; items: NavItem[] };

/** Only sections that exist today; contacts, tickets and the rest join as they are built. */
export const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      { to: '/inbox', labelKey: 'nav.inbox', icon: Inbox },
      { to: '/knowledge', labelKey: 'nav.knowledge', icon: BookOpen },
    ],
  },
  {
    labelKey: 'nav.settings',
    items: [
      { to: '/settings/workspace', labelKey: 'nav.workspace', icon: Building2 },
      { to: '/settings/members', labelKey: 'nav.members', icon: Users },
      { to: '/settings/teams', labelKey: 'nav.teams', icon: UsersRound },
      { to: '/settings/whatsapp', labelKey: 'nav.whatsapp', icon: MessageCircle },
      { to: '/settings/ai', labelKey: 'nav.ai', icon: Sparkles },
      { to: '/settings/api-tokens', labelKey: 'nav.apiTokens', icon: KeyRound },
    ],
  },
];
