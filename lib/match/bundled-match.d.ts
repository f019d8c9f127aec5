/** The bundled index's match data as JSON text (lib/match/payload.ts), made at build time by wxt.config.ts. */
declare module 'virtual:source-context/bundled-match' {
  const text: string;
  export default text;
}
