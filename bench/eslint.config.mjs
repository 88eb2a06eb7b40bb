// The same lint rules as the api workspace.
export { default } from '../api/eslint.config.mjs';
