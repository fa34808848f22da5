// KIS Estimator's Tasklist: replaces the webjar's config.js (Spring Boot serves the application's copy first).
// No maintained Korean translation of the webapps exists (camunda/camunda-webapp-translations has none), so the
// webapps stay in English; the forms the approvers fill in are Korean with English in brackets.
export default {
  // the sign-out that ends the Keycloak session too, in production (app/kis/sign-out.js)
  customScripts: ['../kis/sign-out'],
  app: {
    name: 'Tasklist',
    vendor: 'KIS 견적 (Estimator)'
  },
  // the webjar's default shortcuts, kept: replacing config.js would otherwise drop them
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'moves the focus to the first filter' },
    focusList: { key: 'ctrl+alt+l', description: 'moves the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'moves the focus to the first field of the task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the dialog to start a process' }
  }
};
