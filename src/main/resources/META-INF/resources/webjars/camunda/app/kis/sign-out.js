// The webapps' "Log out" as Camunda made it: the embedded default signs in on Camunda's own login page, whose
// session is the only one to end. With Keycloak (the prod profile) WebappSignOutScript serves this path instead.
export default [];
