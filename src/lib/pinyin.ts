/**
 * Pinyin of community names, computed AT BUILD TIME so that the browser ships no dictionary: the
 * page carries each name's syllables in a data attribute (see src/lib/community-search.ts).
 */
import { pinyin } from 'pinyin-pro';

/** 东湖社区 → `dong hu she qu`; 绿洲 → `lv zhou` (ü as v, as phone keyboards type it). */
export function pinyinSyllables(name: string): string {
  const parts = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  return parts
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((p) => p !== '')
    .join(' ');
}

/** 东湖社区 → `dhsq`: the initials, for display and for tests. */
export function pinyinInitials(name: string): string {
  return pinyinSyllables(name)
    .split(' ')
    .filter((s) => s !== '')
    .map((s) => s[0])
    .join('');
}
