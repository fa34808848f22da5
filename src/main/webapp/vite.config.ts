import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the UI on :5173 and sends everything the server answers to the application on :8080
// (./mvnw spring-boot:run), so the UI can be worked on with hot reload against the real API.
// 127.0.0.1, not localhost: Node may try ::1 first, and the embedded default answers on 127.0.0.1 only
const server = process.env.KIS_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(
      ['/api', '/camunda', '/engine-rest', '/actuator', '/v3', '/login', '/logout', '/oauth2'].map((path) => [
        path,
        { target: server, changeOrigin: false },
      ]),
    ),
  },
  build: {
    // Maven passes --outDir target/classes/static; alone, `npm run build` writes dist/
    outDir: 'dist',
    sourcemap: false,
    // the budget that counts is the first page's JavaScript gzipped (250 KB, SalesUiInChromiumTest); Vite's
    // default warning is about the raw size of one chunk
    chunkSizeWarningLimit: 800,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
