import type { MessageKey } from './i18n/messages';

/**
 * The UI's pages, and the permission each needs (the menu shows a user only theirs; the API refuses the rest
 * anyway). The server answers a deep link to any of these paths (and below them) with the app (SinglePageRoutes
 * in the Java code; SalesUiInChromiumTest reads this file and opens each path by deep link, so the two cannot
 * drift).
 */
export const routes = [
  { path: '/estimates', title: 'nav.estimates', permission: 'estimate:read' },
  { path: '/templates', title: 'nav.templates', permission: 'templates' },
  { path: '/rfqs', title: 'nav.rfqs', permission: 'documents' },
  { path: '/erp', title: 'nav.erp', permission: 'erp:import' },
] as const satisfies readonly { path: string; title: MessageKey; permission: string }[];
