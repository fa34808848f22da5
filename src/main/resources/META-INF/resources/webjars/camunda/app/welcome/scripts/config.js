// KIS Estimator's Welcome: replaces the webjar's config.js (Spring Boot serves the application's copy first).
export default {
  // the sign-out that ends the Keycloak session too, in production (app/kis/sign-out.js)
  customScripts: ['../kis/sign-out'],
  app: {
    name: 'Welcome',
    vendor: 'KIS 견적 (Estimator)'
  }
};
