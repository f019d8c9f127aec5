/** The aliases the matcher tests use (shared by matcher.test.ts and codec.test.ts). */
import type { MatchAlias } from '../../../lib/match/matcher';

const ALIASES: Array<[entityId: string, text: string, caseSensitive: boolean]> = [
  ['trump', 'Donald Trump', false],
  ['trump', 'Trump', false],
  ['trump', 'President Donald Trump', false],
  ['trump', 'President Trump', false],
  ['bukele', 'Nayib Bukele', false],
  ['bukele', 'Bukele', false],
  ['noem', 'Kristi Noem', false],
  ['noem', 'Noem', false],
  ['sv', 'El Salvador', false],
  ['us', 'United States', false],
  ['us', 'U.S.', true],
  ['venezuela', 'Venezuela', false],
  ['tda', 'Tren de Aragua', false],
  ['ms13', 'MS-13', true],
  ['cecot', 'CECOT', true],
  ['cecot', 'Terrorism Confinement Center', false],
  ['safe', 'SAFE', true],
  ['safe', 'Security Alliance for Fugitive Enforcement', false],
  ['aea', 'Alien Enemies Act', false],
  ['dhs', 'Department of Homeland Security', false],
  ['wh', 'White House', false],
  ['zurich', 'Zürich', false],
  ['beijing', '北京', false],
  ['washington', 'Washington', false],
];

export const MATCHER_ALIASES = ALIASES.map(([entityId, text, caseSensitive]): MatchAlias => ({
  entityId,
  text,
  caseSensitive,
  requireCapital: !caseSensitive,
}));
