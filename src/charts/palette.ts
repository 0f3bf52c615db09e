/**
 * Chart colours. Government money in blues, charitable money (the fifth force) in greens and
 * ambers, `other` in grey, so that the two groups read apart even before the legend; every chart
 * also labels its parts in words and has a table of the same numbers beside it.
 */
export const SOURCE_COLOURS: Readonly<Record<string, string>> = {
  fiscal: '#08306b',
  government_purchase: '#2166ac',
  venture_philanthropy: '#4393c3',
  matching: '#92c5de',
  charity_donation: '#1b7837',
  individual_donation: '#5aae61',
  enterprise: '#a6dba0',
  community_fund: '#b35806',
  crowdfunding: '#f1a340',
  other: '#9e9e9e',
};

export const CATEGORY_COLOURS: Readonly<Record<string, string>> = {
  personnel: '#54278f',
  activities: '#0b5cad',
  materials: '#1d6b3a',
  venue: '#b35806',
  management: '#a1261b',
  other: '#9e9e9e',
};

export const INK = '#1a1a1a';
export const MUTED = '#4a4f57';
export const ACCENT = '#0b5cad';
export const LINE = '#d6d9de';

export function colourOf(map: Readonly<Record<string, string>>, code: string): string {
  return map[code] ?? '#9e9e9e';
}
