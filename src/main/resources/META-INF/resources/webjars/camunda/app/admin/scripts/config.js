// KIS Estimator's Admin: replaces the webjar's config.js (Spring Boot serves the application's copy first).
export default {
  app: {
    name: 'Admin',
    vendor: 'KIS 견적 (Estimator)'
  }
};
