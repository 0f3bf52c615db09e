import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tableByName } from '../../src/schema/index.ts';
import { releaseMetadata } from '../../src/schema/metadata.ts';
import {
  DEFAULT_SEED,
  dataPackage,
  generateDataset,
  isValidUscc,
  PINGHU_TARGETS,
  toCsv,
  usccCheckChar,
} from '../../src/synth/index.ts';
import { SYNTH_TABLES, type Dataset, type SynthTable } from '../../src/synth/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AS_OF = '2025-06-30';

function csvOf(d: Dataset): Record<SynthTable, string> {
  return Object.fromEntries(SYNTH_TABLES.map((t) => [t, toCsv(t, d[t] as never[])])) as Record<SynthTable, string>;
}

const pinghu = generateDataset({ mode: 'pinghu', seed: DEFAULT_SEED });
const pinghuCsv = csvOf(pinghu);

// ------------------------------------------------------------------ the rules of the standard

/** Every error of data standard §2–§3 the dataset could break; returns messages (empty = clean). */
function ruleErrors(d: Dataset): string[] {
  const errors: string[] = [];
  const err = (m: string) => {
    if (errors.length < 50) errors.push(m);
  };
  for (const t of SYNTH_TABLES) {
    const def = tableByName(t)!;
    (d[t] as object[]).forEach((row, i) => {
      const r = def.zod.safeParse(row);
      if (!r.success) err(`${t}[${i}] ${JSON.stringify(r.error.issues[0])}`);
      for (const [name, f] of Object.entries(def.fields)) {
        const v = (row as Record<string, unknown>)[name];
        if (f.required && (v === null || v === undefined || v === '')) err(`${t}[${i}].${name} missing`);
        if (f.type === 'amount' && typeof v === 'number' && Math.abs(Math.round(v * 100) - v * 100) > 1e-6)
          err(`${t}[${i}].${name} ${v}`);
        // Everything recorded happened by the as-of date; only projects may be planned to start or end later.
        const future = t === 'projects' && (name === 'start_date' || name === 'end_date');
        if (f.type === 'date' && typeof v === 'string' && ((!future && v > AS_OF) || v < '2000-01-01'))
          err(`${t}[${i}].${name} out of range ${v}`);
      }
    });
  }
  const unique = (t: string, keys: string[]) => {
    if (new Set(keys).size !== keys.length) err(`${t}: duplicate primary key`);
  };
  unique(
    'communities',
    d.communities.map((c) => c.community_id),
  );
  unique(
    'organizations',
    d.organizations.map((o) => o.org_id),
  );
  unique(
    'projects',
    d.projects.map((p) => p.project_id),
  );
  unique(
    'transactions',
    d.transactions.map((t) => t.transaction_id),
  );
  unique(
    'surveys',
    d.surveys.map((s) => `${s.survey_id}|${s.dimension}`),
  );
  unique(
    'workforce',
    d.workforce.map((w) => `${w.community_id}|${w.period}`),
  );
  unique(
    'proposals',
    d.proposals.map((p) => p.proposal_id),
  );

  const communities = new Set(d.communities.map((c) => c.community_id));
  const orgs = new Set(d.organizations.map((o) => o.org_id));
  const projects = new Map(d.projects.map((p) => [p.project_id, p]));
  const proposals = new Set(d.proposals.map((p) => p.proposal_id));
  const fk = (what: string, v: string | null, set: { has(k: string): boolean }) => {
    if (v !== null && !set.has(v)) err(`${what} → ${v} does not resolve`);
  };
  for (const c of d.communities) if (!/^\d{12}$/.test(c.community_id)) err(`community_id ${c.community_id}`);
  for (const o of d.organizations) {
    fk('organization.community_id', o.community_id, communities);
    if (o.org_id.length === 18 && !isValidUscc(o.org_id)) err(`org_id ${o.org_id} has a bad check character`);
  }
  for (const p of d.projects) {
    fk('project.community_id', p.community_id, communities);
    fk('project.operator_org_id', p.operator_org_id, orgs);
    fk('project.continues_project_id', p.continues_project_id, projects);
    fk('project.proposal_id', p.proposal_id, proposals);
    if (p.end_date !== null && p.end_date < p.start_date) err(`${p.project_id} ends before it starts`);
    if ((p.evaluation === null) !== (p.evaluated_on === null)) err(`${p.project_id} evaluation without date`);
    if (p.continues_project_id && projects.get(p.continues_project_id)!.community_id !== p.community_id)
      err(`${p.project_id} continues another community's project`);
  }
  for (const t of d.transactions) {
    fk('transaction.community_id', t.community_id, communities);
    fk('transaction.project_id', t.project_id, projects);
    fk('transaction.counterparty_org_id', t.counterparty_org_id, orgs);
    if (t.project_id && projects.get(t.project_id)?.community_id !== t.community_id)
      err(`${t.transaction_id}: project of another community`);
    if (t.type === 'income' && (t.source === null || t.expense_category !== null))
      err(`${t.transaction_id}: income needs a source only`);
    if (t.type === 'expenditure' && (t.source !== null || t.expense_category === null))
      err(`${t.transaction_id}: expenditure needs a category only`);
    if (!(t.amount > 0)) err(`${t.transaction_id}: amount ${t.amount}`);
    if (t.donor_count !== null && t.source !== 'individual_donation' && t.source !== 'crowdfunding')
      err(`${t.transaction_id}: donor_count`);
  }
  for (const s of d.surveys) {
    fk('survey.community_id', s.community_id, communities);
    fk('survey.project_id', s.project_id, projects);
    fk('survey.conducted_by', s.conducted_by, orgs);
    if (!(s.respondents > 0) || s.satisfied < 0 || s.satisfied > s.respondents)
      err(`${s.survey_id}/${s.dimension}: satisfied`);
    if (
      s.mean_score !== null &&
      (s.scale_max === null || ![5, 10, 100].includes(s.scale_max) || s.mean_score < 1 || s.mean_score > s.scale_max)
    ) {
      err(`${s.survey_id}/${s.dimension}: mean_score ${s.mean_score}/${s.scale_max}`);
    }
  }
  for (const w of d.workforce) fk('workforce.community_id', w.community_id, communities);
  for (const p of d.proposals) {
    fk('proposal.community_id', p.community_id, communities);
    if (p.stage_on < p.raised_on) err(`${p.proposal_id}: stage before raised`);
  }
  return errors;
}

// ------------------------------------------------------------------ personal data (§3)

function idCardValid(s: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, wi, i) => acc + wi * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17]!.toUpperCase();
}

function luhn(s: string): boolean {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let v = Number(s[s.length - 1 - i]);
    if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 === 0;
}

function personalData(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}(?!\d)/g)) found.push(`mobile ${m[0]}`);
  for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g))
    if (idCardValid(m[0])) found.push(`id ${m[0]}`);
  for (const m of text.matchAll(/(?<!\d)\d{15}(?!\d)/g)) found.push(`id15 ${m[0]}`);
  for (const m of text.matchAll(/(?<!\d)\d{16,19}(?!\d)/g)) if (luhn(m[0])) found.push(`card ${m[0]}`);
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) found.push(`email ${m[0]}`);
  return found;
}

// ------------------------------------------------------------------ tests

describe('synth: identifiers', () => {
  it('computes GB 32100 check characters', () => {
    // A published example code and its check character.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });
});

describe('synth: the Pinghu sample', () => {
  it('is deterministic: same seed, same bytes', () => {
    expect(csvOf(generateDataset({ mode: 'pinghu', seed: DEFAULT_SEED }))).toEqual(pinghuCsv);
  });

  it('is what data/sample holds', () => {
    for (const t of SYNTH_TABLES) {
      expect(
        readFileSync(join(ROOT, 'data/sample', `${t}.csv`), 'utf8'),
        `${t}.csv is stale: run npm run synth -- --out data/sample`,
      ).toBe(pinghuCsv[t]);
    }
    const meta = JSON.parse(readFileSync(join(ROOT, 'data/sample/datapackage.json'), 'utf8'));
    expect(meta).toEqual(dataPackage({ mode: 'pinghu', seed: DEFAULT_SEED }));
    expect(releaseMetadata.parse(meta).sample).toBe(true);
  });

  it('writes UTF-8 CSV without BOM, English headers, codes as text', () => {
    expect(pinghuCsv.communities.charCodeAt(0)).not.toBe(0xfeff);
    expect(pinghuCsv.communities.split('\n')[0]).toBe(Object.keys(tableByName('communities')!.fields).join(','));
    expect(pinghuCsv.transactions).toMatch(/\n[^,]+,\d{4}-\d{2}-\d{2},330482\d{6},/);
  });

  it('has the size asked for', () => {
    expect(pinghu.communities).toHaveLength(136);
    expect(pinghu.organizations.length).toBeGreaterThanOrEqual(80);
    expect(pinghu.projects.length).toBeGreaterThanOrEqual(600);
    expect(pinghu.transactions.length).toBeGreaterThanOrEqual(20_000);
    expect(pinghu.workforce).toHaveLength(136 * 5);
    for (const k of [
      'social_org',
      'community_org',
      'social_work_agency',
      'charity',
      'enterprise',
      'government',
      'committee',
    ]) {
      expect(
        pinghu.organizations.some((o) => o.kind === k),
        k,
      ).toBe(true);
    }
  });

  it('keeps the research figures exactly', () => {
    const c = new Map(pinghu.communities.map((x) => [x.community_id, x]));
    expect(c.get('330482001021')).toMatchObject({
      name: '东湖社区',
      street_name: '当湖街道',
      kind: 'urban',
      area_km2: 1.7,
      households: 4336,
      registered_population: 10633,
      resident_population: 18000,
      resident_groups: 11,
    });
    expect(c.get('330482003202')).toMatchObject({
      name: '野马村',
      street_name: '曹桥街道',
      kind: 'rural',
      area_km2: 2.6,
      households: 514,
      registered_population: 1753,
      resident_population: 1753,
      resident_groups: 7,
    });
    expect(c.get('330482002024')).toMatchObject({
      name: '西林寺社区',
      street_name: '钟埭街道',
      kind: 'mixed',
      area_km2: 2.73,
      households: 2357,
      registered_population: 6240,
      resident_population: 10318,
      grids: 26,
      micro_grids: 84,
    });
    expect(c.get('330482002021')).toMatchObject({
      name: '钟埭社区',
      street_name: '钟埭街道',
      kind: 'urban_village',
      area_km2: 5.25,
      registered_population: 2970,
      resident_population: 15970,
      grids: 19,
      micro_grids: 123,
    });
    for (const x of pinghu.communities) {
      expect(x.latitude!).toBeGreaterThanOrEqual(30.6);
      expect(x.latitude!).toBeLessThanOrEqual(30.8);
      expect(x.longitude!).toBeGreaterThanOrEqual(120.9);
      expect(x.longitude!).toBeLessThanOrEqual(121.2);
    }
  });

  it('hits the city totals', () => {
    const gp: Record<string, number> = {};
    for (const t of pinghu.transactions)
      if (t.source === 'government_purchase') gp[t.date.slice(0, 4)] = (gp[t.date.slice(0, 4)] ?? 0) + t.amount;
    for (const y of ['2021', '2022', '2023', '2024']) {
      expect(gp[y]).toBeGreaterThan(42e6 * 0.95);
      expect(gp[y]).toBeLessThan(42e6 * 1.05);
    }
    const vp = pinghu.projects.filter((p) => p.mechanism === 'venture_philanthropy');
    expect(vp).toHaveLength(PINGHU_TARGETS.ventureProjects);
    expect(vp.reduce((s, p) => s + p.budget, 0)).toBeCloseTo(PINGHU_TARGETS.ventureBudget, 2);
    const latest = pinghu.workforce.filter((w) => w.period === '2025');
    const sum = (k: 'social_workers_certified' | 'volunteers_registered') =>
      latest.reduce((s, w) => s + (w[k] ?? 0), 0);
    expect(Math.abs(sum('social_workers_certified') - 2492)).toBeLessThanOrEqual(25);
    expect(Math.abs(sum('volunteers_registered') - 5012)).toBeLessThanOrEqual(50);
  });

  it('breaks no rule of the standard', () => {
    expect(ruleErrors(pinghu)).toEqual([]);
  });

  it('contains no personal data', () => {
    for (const t of SYNTH_TABLES) expect(personalData(pinghuCsv[t]), t).toEqual([]);
    expect(JSON.stringify(dataPackage({ mode: 'pinghu', seed: DEFAULT_SEED }))).not.toMatch(/\d{3,4}-\d{7,8}|@/);
    for (const t of pinghu.transactions) {
      if (t.source === 'individual_donation' || t.source === 'crowdfunding') {
        expect(t.counterparty_name).toBe('个人捐赠者');
        expect(t.donor_count).toBeGreaterThan(0);
      }
    }
  });

  it('shows each data-quality warning a handful of times', () => {
    const income = new Map<string, number>();
    const spent = new Map<string, number>();
    for (const t of pinghu.transactions) {
      if (!t.project_id) continue;
      const m = t.type === 'income' ? income : spent;
      m.set(t.project_id, (m.get(t.project_id) ?? 0) + t.amount);
    }
    const over = pinghu.projects.filter(
      (p) => (spent.get(p.project_id) ?? 0) > Math.min(income.get(p.project_id) ?? 0, p.budget) + 0.005,
    );
    const noSpend = pinghu.projects.filter((p) => p.status === 'completed' && !spent.has(p.project_id));
    const small = pinghu.surveys.filter((s) => s.respondents < 30);
    const outflow = pinghu.communities.filter((c) => c.registered_population! > 1.5 * c.resident_population!);
    expect(over.length).toBeGreaterThanOrEqual(2);
    expect(over.length).toBeLessThanOrEqual(8);
    expect(noSpend.length).toBeGreaterThanOrEqual(1);
    expect(noSpend.length).toBeLessThanOrEqual(6);
    expect(small.length).toBeGreaterThanOrEqual(2);
    expect(small.length).toBeLessThanOrEqual(15);
    expect(outflow).toHaveLength(1);
  });

  it('shows the failures the research describes', () => {
    const street = new Map(pinghu.communities.map((c) => [c.community_id, c.street_name]));
    const gov = new Set(['fiscal', 'government_purchase', 'matching']);
    const share = (name: string) => {
      let g = 0;
      let all = 0;
      for (const t of pinghu.transactions) {
        if (t.type !== 'income' || street.get(t.community_id) !== name) continue;
        all += t.amount;
        if (gov.has(t.source!)) g += t.amount;
      }
      return g / all;
    };
    expect(share('曹桥街道')).toBeGreaterThan(0.9);
    expect(share('林埭镇')).toBeGreaterThan(0.9);
    expect(share('当湖街道')).toBeLessThan(0.8);

    const continued = new Set(pinghu.projects.map((p) => p.continues_project_id).filter((x) => x !== null));
    const byId = new Map(pinghu.projects.map((p) => [p.project_id, p]));
    const depth = (id: string): number =>
      1 + (byId.get(id)!.continues_project_id ? depth(byId.get(id)!.continues_project_id!) : 0);
    const chains = pinghu.projects.filter((p) => !continued.has(p.project_id)).map((p) => depth(p.project_id));
    expect(chains.filter((n) => n >= 2).length).toBeGreaterThan(10);
    expect(Math.max(...chains)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...chains)).toBeLessThanOrEqual(4);
    const goodNotContinued = pinghu.projects.filter(
      (p) =>
        (p.evaluation === 'excellent' || p.evaluation === 'good') &&
        !continued.has(p.project_id) &&
        p.end_date! < '2024-06-30',
    );
    expect(goodNotContinued.length).toBeGreaterThan(5);

    const projectRate = (assigned: boolean) => {
      const xs = pinghu.surveys.filter(
        (s) => s.dimension === 'project' && (byId.get(s.project_id!)!.origin === 'assigned') === assigned,
      );
      return xs.reduce((s, x) => s + x.satisfied, 0) / xs.reduce((s, x) => s + x.respondents, 0);
    };
    expect(projectRate(true)).toBeLessThan(0.65);
    expect(projectRate(false)).toBeGreaterThan(0.8);

    expect(pinghu.projects.filter((p) => p.volunteers === 0).length).toBeGreaterThan(10);
    expect(pinghu.projects.filter((p) => p.status === 'ongoing' && p.end_date! < AS_OF).length).toBeGreaterThan(3);

    const withProposal = pinghu.projects.filter((p) => p.proposal_id !== null);
    expect(withProposal.length).toBeGreaterThan(20);
    expect(withProposal.every((p) => p.origin === 'resident_proposal')).toBe(true);
    const stages = new Set(pinghu.proposals.map((p) => p.stage));
    for (const s of ['raised', 'deliberated', 'consulted', 'decided', 'evaluated', 'promoted', 'declined'])
      expect(stages.has(s as never), s).toBe(true);
  });
});

describe('synth: synthetic datasets', () => {
  const small = generateDataset({ mode: 'synthetic', seed: 7, communities: 50 });
  const smallCsv = csvOf(small);

  it('draws 50 communities from the national list, by the rules', () => {
    expect(small.communities).toHaveLength(50);
    expect(new Set(small.communities.map((c) => c.province_name)).size).toBeGreaterThan(5);
    expect(small.projects.length / 50).toBeGreaterThan(3);
    expect(small.transactions.length / 50).toBeGreaterThan(120);
    expect(ruleErrors(small)).toEqual([]);
    for (const t of SYNTH_TABLES) expect(personalData(smallCsv[t]), t).toEqual([]);
  });

  it('runs from the command line, byte for byte as in memory', () => {
    const node =
      Number(process.versions.node.split('.')[0]) >= 23 ? process.execPath : join(ROOT, 'node_modules/.bin/node');
    const out = mkdtempSync(join(tmpdir(), 'synth-'));
    try {
      const ok = spawnSync(node, ['scripts/synth.ts', '--communities', '50', '--seed', '7', '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/communities 50,/);
      for (const t of SYNTH_TABLES) expect(readFileSync(join(out, `${t}.csv`), 'utf8'), t).toBe(smallCsv[t]);
      expect(JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).sample).toBe(true);
      const bad = spawnSync(node, ['scripts/synth.ts', '--communities', 'lots', '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(bad.status).toBe(2);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
