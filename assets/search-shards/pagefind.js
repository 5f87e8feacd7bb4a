// @ts-check
// Pagefind's API for a search index written in shards, where the search page
// gives Pagefind's UI this folder to load "pagefind.js" from. Every shard
// holds, besides its events, one page with every word of the archive, so that
// the shards match a word as one index would (src/search/search-index.ts).
// Here that page is left out of every search, and its filter out of the
// filters shown. Everything else is Pagefind's own module, unchanged.
/** @type {any} */
const pagefind = await import(new URL("../../pagefind/pagefind.js", import.meta.url).href);

const VOCABULARY = "vocabulary";

/** @param {any} options */
const withoutVocabulary = (options = {}) => ({
  ...options,
  filters: { ...options.filters, not: { [VOCABULARY]: "all" } },
});

/** @param {Record<string, unknown> | undefined} filters */
function hideVocabulary(filters) {
  const { [VOCABULARY]: _, ...shown } = filters ?? {};
  return shown;
}

/** @param {any} response */
const cleaned = (response) =>
  response && {
    ...response,
    filters: hideVocabulary(response.filters),
    totalFilters: hideVocabulary(response.totalFilters),
  };

/** @param {any} options */
export const options = (options) => pagefind.options(options);
export const init = () => pagefind.init();
export const destroy = () => pagefind.destroy();
/** @param {string} path @param {any} options */
export const mergeIndex = (path, options) => pagefind.mergeIndex(path, options);
export const filters = async () => hideVocabulary(await pagefind.filters());
/** @param {string} term @param {any} options */
export const preload = (term, options) => pagefind.preload(term, withoutVocabulary(options));
/** @param {string} term @param {any} options */
export const search = async (term, options) => cleaned(await pagefind.search(term, withoutVocabulary(options)));
/** @param {string} term @param {any} options @param {number} [wait] */
export const debouncedSearch = async (term, options, wait) =>
  cleaned(await pagefind.debouncedSearch(term, withoutVocabulary(options), wait));
