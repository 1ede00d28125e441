/** Message signatures, knowledge as data, built from shared/reference/facts.md §4–§10; see ./signatures/. */
export { SIGNATURES } from './signatures/index.js';
