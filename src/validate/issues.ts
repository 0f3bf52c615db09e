/**
 * A located problem in a publisher's dataset (data standard §4).
 *
 * Ingest and validation both report through this one shape, and the CLI, the build and the
 * data-quality page print it with `formatIssue`.
 */

import { ownString } from '../ingest/own-string.ts';

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  /** The file as the publisher sees it: `projects.csv`, `data.xlsx#项目`, `datapackage.json`. */
  file: string;
  /** Spreadsheet row number: the header is 1, the first data record 2. */
  row?: number;
  /** The column header exactly as the publisher wrote it. */
  column?: string;
  /** The standard's field name (or a JSON path in datapackage.json). */
  field?: string;
  /** Stable identifier of the rule, e.g. `required`, `enum`, `fk`, `pk-duplicate`, `personal-data.mobile`. */
  rule: string;
  /** Chinese, precise: quotes the bad value (masked for personal data) and says what is expected. */
  message: string;
}

/** `file:row:column: message`, leaving out the parts an issue does not have. */
export function formatIssue(i: Issue): string {
  let loc = i.file;
  if (i.row !== undefined) loc += `:${i.row}`;
  if (i.column !== undefined && i.column !== '') loc += `:${i.column}`;
  return `${loc}: ${i.message}`;
}

/** Longest stretch of a cell quoted in a message; longer values are cut with an ellipsis. */
const QUOTE_MAX = 40;

/** A value quoted in a message: `「…」`, cut when long. (Personal data is masked by the caller.) */
export function quote(value: string): string {
  const v = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value;
  return `「${v}」`;
}

/**
 * Collects issues, keeping at most `cap` of each (severity, file, rule, column) group and counting
 * the rest, so that one systematic mistake over 1.5 million rows stays readable and small.
 */
export class IssueCollector {
  /** Issues kept per group: errors, warnings. */
  readonly cap: number;
  readonly warningCap: number;
  private readonly kept: Issue[] = [];
  /** The phase of each kept issue (see `add`). */
  private readonly phases: number[] = [];
  private readonly groups = new Map<string, { first: Issue; count: number }>();
  errorCount = 0;
  warningCount = 0;

  constructor(cap = 1000, warningCap = cap) {
    this.cap = cap;
    this.warningCap = warningCap;
  }

  private capOf(severity: Severity): number {
    return severity === 'error' ? this.cap : this.warningCap;
  }

  /**
   * Adds an issue. `phase` orders the issues of one row: the reading of the file first, then its
   * cells, then each kind of rule (validation streams rows through every check at once, but reports
   * as if each check had gone over the whole table in turn).
   */
  add(issue: Issue, phase = 0): void {
    if (issue.severity === 'error') this.errorCount++;
    else this.warningCount++;
    const key = `${issue.severity}\u0000${issue.file}\u0000${issue.rule}\u0000${issue.column ?? ''}`;
    const g = this.groups.get(key);
    if (g === undefined) {
      this.groups.set(key, { first: issue, count: 1 });
      this.keep(issue, phase);
    } else {
      g.count++;
      if (g.count <= this.capOf(issue.severity)) this.keep(issue, phase);
    }
  }

  private keep(issue: Issue, phase: number): void {
    // A message quoting a cell would otherwise keep the whole piece of file text it came from.
    this.kept.push({ ...issue, message: ownString(issue.message) });
    this.phases.push(phase);
  }

  addAll(issues: readonly Issue[]): void {
    for (const i of issues) this.add(i);
  }

  /**
   * Kept issues in reading order (by `fileOrder`, then row; issues without a row first), each file
   * followed by the summary lines of its groups that went over the cap.
   */
  issues(fileOrder: readonly string[] = []): Issue[] {
    const rank = new Map<string, number>();
    fileOrder.forEach((f, i) => rank.set(f, i));
    const fileRank = (f: string) => rank.get(f) ?? fileOrder.length;
    const summaries: Issue[] = [];
    for (const { first, count } of this.groups.values()) {
      const cap = this.capOf(first.severity);
      if (count <= cap) continue;
      const summary: Issue = {
        severity: first.severity,
        file: first.file,
        rule: first.rule,
        message: `…及另外 ${count - cap} 处同类${first.severity === 'error' ? '错误' : '警告'}(${first.rule})`,
      };
      if (first.column !== undefined) summary.column = first.column;
      if (first.field !== undefined) summary.field = first.field;
      summaries.push(summary);
    }
    const keyed = [
      ...this.kept.map((issue, i) => ({
        issue,
        f: fileRank(issue.file),
        s: 0,
        r: issue.row ?? 0,
        p: this.phases[i]!,
        i,
      })),
      ...summaries.map((issue, i) => ({ issue, f: fileRank(issue.file), s: 1, r: 0, p: 0, i })),
    ];
    keyed.sort((a, b) => a.f - b.f || a.s - b.s || a.r - b.r || a.p - b.p || a.i - b.i);
    return keyed.map((k) => k.issue);
  }
}
