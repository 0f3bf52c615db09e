/**
 * The data-quality page (/data-quality/): the warnings of data standard §4, grouped by rule, each
 * rule explained in plain Chinese, each warning located as file:row:column and, where it can be
 * derived safely, linked to the community or project it is about.
 */
import { PROJECT_STATUS, communities, projects, surveys, tableByName, TABLES, type TableDef } from '../schema/index.ts';
import { MIN_RESPONDENTS } from './format.ts';

/** One row of quality_warnings.sql. */
export interface WarningRow {
  file: string;
  row: number | null;
  column: string | null;
  field: string | null;
  rule: string;
  message: string;
}

/** One row of quality_warning_targets.sql: a data row that breaks a warning rule. */
export interface WarningTarget {
  table_name: string;
  row: number;
  rule: string;
  community_id: string;
  community_name: string;
  project_id: string | null;
  project_title: string | null;
}

export interface RuleText {
  title: string;
  explanation: string;
}

const c = communities.fields;
const p = projects.fields;

/** What each warning rule means, for a resident who has never seen the data standard. */
export const RULE_TEXT: Readonly<Record<string, RuleText>> = {
  'population-ratio': {
    title: `${c.registered_population.label}明显多于${c.resident_population.label}`,
    explanation: `${c.registered_population.label}比${c.resident_population.label}多出一半以上。农村社区人口大量外出时会这样，也可能是填错了数字，请发布方核对。`,
  },
  'survey-small-sample': {
    title: `满意度调查的${surveys.fields.respondents.label}少于 ${MIN_RESPONDENTS}`,
    explanation: `参加调查的人少于 ${MIN_RESPONDENTS} 人时，满意比例的误差很大。本站对这样的调查只列出人数，不把它当作比率来比较。`,
  },
  'project-no-expenditure': {
    title: `“${PROJECT_STATUS.labels.completed}”的项目没有支出`,
    explanation: `项目的${p.status.label}是“${PROJECT_STATUS.labels.completed}”，但资金表里找不到属于它的任何一笔支出。可能是支出没有录入，或者录入时没有写明所属的${p.project_id.label}。`,
  },
  'project-expenditure-over-income': {
    title: '项目支出超过收入',
    explanation: '资金表中这个项目的支出合计，比它的收入合计还多。可能有收入没有录入，或者有支出记到了错误的项目上。',
  },
  'project-expenditure-over-budget': {
    title: `项目支出超过${p.budget.label.replace(/\(元\)$/, '')}`,
    explanation: `资金表中这个项目的支出合计超过了它的${p.budget.label.replace(/\(元\)$/, '')}。可能是追加了预算而没有更新，也可能是超支。`,
  },
  'unknown-column': {
    title: '数据标准以外的列',
    explanation:
      '文件里有一列不属于数据标准，这一列没有发布。如果它其实是某个标准字段，请改用数据字典里的字段名或中文名作表头。',
  },
  'unknown-file': {
    title: '数据标准以外的文件',
    explanation: '数据文件夹里有一个文件不属于数据标准的任何一张表，它没有发布。',
  },
  'unknown-sheet': {
    title: '数据标准以外的工作表',
    explanation: '工作簿里有一个工作表不属于数据标准的任何一张表，它没有发布。',
  },
};

export function ruleText(rule: string): RuleText {
  return RULE_TEXT[rule] ?? { title: rule, explanation: '数据标准第4节规定的警告：随数据一起公开，不阻止发布。' };
}

/** The standard's table a warning's file is: `projects.csv`, `data.xlsx#项目` or `data.xlsx#projects`. */
export function tableOfFile(file: string): TableDef | undefined {
  const sheet = /#(.+)$/.exec(file);
  if (sheet) return (TABLES as readonly TableDef[]).find((t) => t.name === sheet[1] || t.label === sheet[1]);
  const base = file
    .split('/')
    .at(-1)!
    .replace(/\.csv$/i, '');
  return tableByName(base);
}

/** `projects.csv:12:预算（元）` — the same location as the build's messages (validate/issues.ts formatIssue). */
export function locationOf(w: Pick<WarningRow, 'file' | 'row' | 'column'>): string {
  let loc = w.file;
  if (w.row !== null) loc += `:${w.row}`;
  if (w.column !== null && w.column !== '') loc += `:${w.column}`;
  return loc;
}

/** The fragment id of a rule's section on /data-quality/: `rule-<rule>`, safe characters only. */
export function ruleAnchor(rule: string): string {
  return `rule-${rule.replace(/[^a-z0-9-]/gi, '-')}`;
}

export interface WarningItem {
  location: string;
  message: string;
  /** What the warning is about, when derivable: a project, else a community. */
  about: { kind: 'project' | 'community'; id: string; name: string; community_name: string } | null;
}

function aboutOf(t: WarningTarget | undefined): WarningItem['about'] {
  if (!t) return null;
  if (t.project_id)
    return {
      kind: 'project',
      id: t.project_id,
      name: t.project_title ?? t.project_id,
      community_name: t.community_name,
    };
  return { kind: 'community', id: t.community_id, name: t.community_name, community_name: t.community_name };
}

export interface WarningGroup {
  rule: string;
  title: string;
  explanation: string;
  /** Every warning of the rule, also those the report only counted ("…及另外 N 处"). */
  count: number;
  /** The warnings listed (at most `limit`). */
  items: WarningItem[];
}

/** "…及另外 12 处同类警告(rule)": a summary line of the quality report standing for 12 more. */
export function summarizedCount(message: string): number | null {
  const m = /另外\s*(\d+)\s*处/.exec(message);
  return m ? Number(m[1]) : null;
}

/**
 * Warnings grouped by rule (rules in order of their first warning). A warning is linked to its
 * community or project only when `targets` confirms that the row at its position breaks that
 * very rule, so a position shifted by skipped blank lines never links to the wrong place.
 */
export function warningGroups(
  rows: readonly WarningRow[],
  targets: readonly WarningTarget[],
  limit = 200,
): WarningGroup[] {
  const byKey = new Map(targets.map((t) => [`${t.table_name}\u0000${t.row}\u0000${t.rule}`, t]));
  const groups = new Map<string, WarningGroup>();
  for (const w of rows) {
    let g = groups.get(w.rule);
    if (!g) {
      const text = ruleText(w.rule);
      g = { rule: w.rule, title: text.title, explanation: text.explanation, count: 0, items: [] };
      groups.set(w.rule, g);
    }
    const more = w.row === null ? summarizedCount(w.message) : null;
    if (more !== null) {
      g.count += more;
      continue;
    }
    g.count += 1;
    if (g.items.length >= limit) continue;
    const table = tableOfFile(w.file);
    const target = table && w.row !== null ? byKey.get(`${table.name}\u0000${w.row}\u0000${w.rule}`) : undefined;
    g.items.push({
      location: locationOf(w),
      message: w.message,
      about: aboutOf(target),
    });
  }
  return [...groups.values()];
}
