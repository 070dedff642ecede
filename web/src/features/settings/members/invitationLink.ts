/** The server's accept_url may be absolute or a path; either way the person gets a full link to paste. */
export function invitationLink(invitation: { token: string; accept_url?: string | null }, origin: string): string {
  if (invitation.accept_url) return new URL(invitation.accept_url, origin).href;
  return new URL(`/invite/${encodeURIComponent(invitation.token)}`, origin).href;
}
