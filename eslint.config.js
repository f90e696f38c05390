// ESLint for mergetag's own code (flat config): ESLint's and typescript-eslint's recommended rules, the latter with
// type information (it catches floating promises, `any` leaking out of JSON.parse, objects printed as [object Object]).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'bench/results/', 'fixtures/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use; rest siblings drop keys on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The code writes `list[i]!` where it knows the index is in range: with noUncheckedIndexedAccess off the `!`
      // changes no type, but it marks the assumption (and keeps the code ready for that flag). Not a defect.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Control characters are matched on purpose: Java's String.trim() (U+0000-U+0020), escaping terminal input.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Tests read JSON.parse output and reach into the oracles' (handlebars.js, mustache.js) untyped internals.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Property tests print helper results with String(); fakes implement async signatures without awaiting.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/require-await': 'off',
      // The oracles patch handlebars.js/mustache.js with `function` callbacks that must also reach the oracle.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
);
