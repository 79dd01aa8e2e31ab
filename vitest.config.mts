import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // *.test.tsx: component tests of the screens, each in jsdom by its own `// @vitest-environment jsdom` line.
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/db/**/*.test.ts'],
    environment: 'node',
    pool: 'forks'
  }
})
