/**
 * The bundled index's match data, compiled at build time (wxt.config.ts makes the module named here).
 * Kept behind this one file so tests and tools that do not build the extension never import it.
 */
export const BUNDLED_MATCH_MODULE = 'virtual:source-context/bundled-match';
