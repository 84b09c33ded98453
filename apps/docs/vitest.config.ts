import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@herald/docs', testTimeout: 60_000, hookTimeout: 180_000 } });
