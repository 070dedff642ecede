/** Languages the product is planned in (UI.md); each is named in its own language. */
export const WORKSPACE_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'pt', name: 'Português' },
  { code: 'sw', name: 'Kiswahili' },
] as const;
