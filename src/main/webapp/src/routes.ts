import type { MessageKey } from './i18n/messages';

/**
 * The UI's pages. The server answers a deep link to any of these paths (and below them) with the app
 * (SinglePageRoutes in the Java code; SinglePageRoutesTest reads this file, so the two cannot drift).
 */
export const routes = [
  { path: '/estimates', title: 'nav.estimates' },
  { path: '/templates', title: 'nav.templates' },
  { path: '/rfqs', title: 'nav.rfqs' },
  { path: '/erp', title: 'nav.erp' },
] as const satisfies readonly { path: string; title: MessageKey }[];
