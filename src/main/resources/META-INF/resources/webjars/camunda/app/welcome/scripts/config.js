// KIS Estimator's Welcome: replaces the webjar's config.js (Spring Boot serves the application's copy first).
export default {
  app: {
    name: 'Welcome',
    vendor: 'KIS 견적 (Estimator)'
  }
};
