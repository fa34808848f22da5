// KIS Estimator's Cockpit: replaces the webjar's config.js (Spring Boot serves the application's copy first).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'KIS 견적 (Estimator)'
  }
};
