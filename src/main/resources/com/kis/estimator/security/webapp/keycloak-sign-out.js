// Served as /camunda/app/kis/sign-out.js when the webapps sign in through Keycloak (WebappSignOutScript).
// Camunda's "Log out" ends only Camunda's own session: Spring's and Keycloak's would sign the user straight back
// in. The application's /logout ends both and returns to Keycloak's login page, so the menu item goes there.
document.addEventListener('click', event => {
  const signOut = event.target instanceof Element && event.target.closest('li.logout a');
  if (signOut) {
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.assign('/logout');
  }
}, true);

export default [];
