import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = `http://localhost:${process.env.API_PORT ?? 3000}`;
const nodeModule = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@caunoi/shared': fileURLToPath(
        new URL('../../packages/shared/src/index.ts', import.meta.url),
      ),
    },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    reportCompressedSize: false,
    rolldownOptions: {
      // The Ant Design sub-packages do not declare `sideEffects: false`, although their modules
      // have none: saying so lets unused components (reached through antd's index) be dropped.
      treeshake: {
        moduleSideEffects: (id) =>
          /[\\/]node_modules[\\/](@rc-component|@ant-design)[\\/]/.test(id) ? false : undefined,
      },
      output: {
        // Shared Ant Design chunks are named after the pages using them; keep file names short.
        chunkFileNames: (chunk) =>
          `assets/${chunk.name.startsWith('antd~') ? 'antd' : chunk.name}-[hash].js`,
        // Long-lived vendor chunks, cached independently of the application code. The Ant Design
        // group is split by the set of pages that use each part, so the sign-in page does not pull
        // in tables, date pickers and the like.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: nodeModule('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'),
              priority: 30,
            },
            {
              name: 'i18n',
              test: nodeModule('i18next|react-i18next|html-parse-stringify|void-elements'),
              priority: 20,
            },
            { name: 'query', test: nodeModule('@tanstack'), priority: 20 },
            // Icons are split by the pages using them and never merged with other components:
            // an icon of the navigation would otherwise pull the component chunk it was merged
            // into (selects, tooltips, drawers…) into the sign-in page's bundle.
            {
              name: 'antd',
              test: nodeModule('@ant-design[\\\\/]icons|@ant-design[\\\\/]icons-svg'),
              priority: 15,
              entriesAware: true,
              entriesAwareMergeThreshold: 0,
            },
            {
              name: 'antd',
              test: nodeModule(
                'antd|@ant-design|@rc-component|rc-[a-z-]+|@babel|classnames|clsx|dayjs|stylis|@emotion|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|string-convert|toggle-selection|copy-to-clipboard|resize-observer-polyfill',
              ),
              priority: 10,
              entriesAware: true,
              entriesAwareMergeThreshold: 5_000,
            },
          ],
        },
      },
    },
  },
});
