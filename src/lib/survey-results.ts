/**
 * Survey results of one project or one conducting organization, read the same way as everywhere
 * on the site (src/lib/satisfaction.ts `rateOf`): a rate with its 95% interval and the sample it
 * rests on; under MIN_RESPONDENTS only the counts, with a plain note.
 */
import type { Survey } from '../schema/index.ts';
import { rateOf, type Rate } from './satisfaction.ts';

/** One row of survey_rows_linked.sql. */
export interface SurveyRow {
  survey_id: string;
  community_id: string;
  community_name: string | null;
  project_id: string | null;
  project_title: string | null;
  period: string;
  dimension: Survey['dimension'];
  respondents: number;
  satisfied: number;
  mean_score: number | null;
  scale_max: number | null;
  method: Survey['method'];
  conducted_by: string | null;
  conductor_name: string | null;
}

export type SurveyResult = SurveyRow & Rate;

export function surveyResult(row: SurveyRow): SurveyResult {
  return { ...row, ...rateOf(row.satisfied, row.respondents) };
}

/** Groups rows by a key (rows with a null key are left out), keeping their order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K | null): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(row);
  }
  return out;
}
