import { describe, expect, it } from 'vitest';
import { TABLES, projects, PROJECT_STATUS } from '../../src/schema/index.ts';

describe('schema', () => {
  it('declares the seven tables of the standard with their Chinese names', () => {
    expect(TABLES.map((t) => `${t.name}:${t.label}`)).toEqual([
      'communities:社区',
      'organizations:组织',
      'proposals:提事',
      'projects:项目',
      'transactions:资金',
      'surveys:满意度',
      'workforce:队伍',
    ]);
  });
  it('derives a zod row check from the field definitions', () => {
    const ok = projects.fields.status.zod.safeParse('ongoing');
    expect(ok.success).toBe(true);
    expect(projects.fields.status.zod.safeParse('doing').success).toBe(false);
    expect(projects.fields.summary.zod.safeParse(null).success).toBe(true);
    expect(projects.fields.title.zod.safeParse(null).success).toBe(false);
    expect(projects.fields.progress_pct.zod.safeParse(101).success).toBe(false);
  });
  it('keeps every enum label unique within its list, so a label maps back to one code', () => {
    for (const t of TABLES)
      for (const f of Object.values(t.fields)) {
        if (!f.enum) continue;
        const labels = Object.values(f.enum.labels);
        expect(new Set(labels).size, `${t.name}`).toBe(labels.length);
      }
    expect(PROJECT_STATUS.labels.completed).toBe('已完成');
  });
});
