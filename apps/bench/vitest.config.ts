import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@herald/bench', testTimeout: 120_000 } });
