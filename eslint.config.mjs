// Lint rules that keep each runtime's code in its lane (ARCHITECTURE.md, "Folders and who may import what"):
// shared/ is pure TypeScript, renderer/ never reaches Node or Electron, main/ never reaches React or Dexie.
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins are not available here.' }
const electron = { group: ['electron', 'electron/*'], message: 'Only main/ may import electron.' }
const rendererPatterns = [
  nodeBuiltins,
  electron,
  { group: ['**/main/**'], message: 'The renderer reaches main only through the HostApi bridge.' }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' }
      ]
    }
  },
  {
    // One import order everywhere, fixed by `eslint --fix` (simple-import-sort: autofix only, no resolver to configure).
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // One block, no blank lines: side effects first (fake-indexeddb/auto must load before Dexie), then node:,
      // packages and relative paths, each sorted by path.
      'simple-import-sort/imports': ['error', { groups: [['^\\u0000', '^node:', '^@?\\w', '^', '^\\.']] }],
      'simple-import-sort/exports': 'error'
    }
  },
  {
    // The rules of hooks: a hook called conditionally and a missing effect dependency are errors (an effect that
    // must not re-run on a value reads it through useEffectEvent). The React Compiler's stricter checks are not on.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // The ledger's live queries and the async loads (useAsync) take their deps like an effect: checked the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^(useLedgerQuery|useAsync)$' }]
    }
  },
  { files: ['renderer/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            {
              group: ['dexie', 'dexie/*', 'react', 'react-dom', 'react/*', 'chart.js', 'chart.js/*'],
              message: 'shared/ is pure: no storage, UI or charts.'
            },
            { group: ['**/renderer/**', '**/main/**'], message: 'shared/ depends on nothing above it.' }
          ]
        }
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'indexedDB',
        'localStorage',
        'process',
        'require',
        'Buffer'
      ]
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: rendererPatterns
        }
      ]
    }
  },
  {
    // A screen is its folder: what two screens share lives in components/, never in another screen's folder.
    files: ['renderer/src/screens/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message: 'A screen imports no other screen: move what they share to components/.'
            },
            {
              regex: '(^|/)screens/',
              message: 'A screen imports no other screen: move what they share to components/.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            { regex: '(^|/)screens/', message: 'components/ serve every screen and import none.' }
          ]
        }
      ]
    }
  },
  {
    // The UI reaches the ledger through renderer/db/index.ts only; the ledger provider opens it from its modules so
    // that the first chunk does not carry the methodology (ARCHITECTURE.md).
    files: ['renderer/src/**/*.{ts,tsx}', 'renderer/report/**/*.{ts,tsx}'],
    ignores: ['renderer/src/ledger/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            { group: ['**/main/**'], message: 'The renderer reaches main only through the HostApi bridge.' },
            { group: ['**/db/*'], message: 'Import the ledger from renderer/db (its index), not from its modules.' }
          ]
        }
      ]
    }
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie/*', 'chart.js', '**/renderer/**'],
              message: 'main/ has no UI and no database.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            { group: ['react', 'dexie', '**/renderer/**'], message: 'The command line is plain Node.' }
          ]
        }
      ]
    }
  },
  {
    files: ['scripts/**/*.{ts,mjs}', 'tests/**/*.{ts,mjs}', '*.config.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } }
  }
)
