import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.output-size/', '.wxt/', 'demo-output/', 'tests/site/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Page strings are untrusted: no innerHTML, insertAdjacentHTML, document.write and friends.
  noUnsanitized.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render page strings as text.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='parse']",
          message: 'Date.parse differs between browsers on non-ISO strings: use utils/extract/dates.',
        },
      ],
      // `const { omitted: _, ...rest } = record` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
);
