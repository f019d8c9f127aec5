/** The bundled index's match data (a MatchPayload, lib/match/payload.ts), made at build time by wxt.config.ts. */
declare module 'virtual:source-context/bundled-match' {
  const payload: unknown;
  export default payload;
}
