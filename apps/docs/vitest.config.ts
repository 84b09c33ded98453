import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@herald/docs', testTimeout: 30_000, hookTimeout: 120_000 } });
