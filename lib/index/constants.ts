/** Plain constants shared by the Node-side builder and the browser-side UI (no zod here, to keep bundles small). */
export const INDEX_VERSION = 2;

export const ENTITY_TYPES = [
  'person',
  'organization',
  'place',
  'law',
  'facility',
  'program',
  'document',
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ATTRIBUTION_ROLES = ['narration', 'quote', 'reported'] as const;
export type AttributionRole = (typeof ATTRIBUTION_ROLES)[number];

/** What the popup's fuzzy search looks at, most important first. */
export const SEARCH_KEYS = [
  { name: 'name', weight: 4 },
  { name: 'aliases', weight: 3 },
  { name: 'description', weight: 1 },
] as const;
