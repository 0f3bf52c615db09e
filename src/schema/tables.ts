/** The seven tables of the community disclosure data standard, version 1.0 (shared/data-standard.md §2). */
import { amount, date, defineTable, enumeration, integer, number, period, text } from './define.ts';
import {
  COMMUNITY_KIND,
  EVALUATION,
  EXPENSE_CATEGORY,
  FUND_SOURCE,
  ORGANIZATION_KIND,
  ORGANIZATION_RATING,
  PROJECT_CATEGORY,
  PROJECT_MECHANISM,
  PROJECT_ORIGIN,
  PROJECT_STATUS,
  PROPOSAL_STAGE,
  SURVEY_DIMENSION,
  SURVEY_METHOD,
  TRANSACTION_TYPE,
} from './enums.ts';

const communityRef = { table: 'communities', field: 'community_id' } as const;
const organizationRef = { table: 'organizations', field: 'org_id' } as const;
const projectRef = { table: 'projects', field: 'project_id' } as const;
const count = (label: string, description?: string) => integer({ label, description, min: 0 });

export const communities = defineTable({
  name: 'communities',
  label: '社区',
  description: '社区(村)的基本情况。其他各表都指向一个社区。',
  required: true,
  primaryKey: ['community_id'],
  fields: {
    community_id: text({
      label: '社区代码',
      description: '12位统计用区划代码;前9位是街道(镇)代码',
      required: true,
      pattern: /^\d{12}$/,
      patternHint: '应为12位数字的统计用区划代码',
    }),
    name: text({ label: '社区名称', description: '如 东湖社区、野马村', required: true }),
    street_name: text({ label: '街道(镇)', required: true }),
    county_name: text({ label: '县(市、区)', required: true }),
    city_name: text({ label: '市', required: true }),
    province_name: text({ label: '省', required: true }),
    kind: enumeration(COMMUNITY_KIND, { label: '社区类型', required: true }),
    area_km2: number({ label: '面积(平方公里)', min: 0 }),
    households: count('户数'),
    registered_population: count('户籍人口'),
    resident_population: count('常住人口'),
    grids: count('网格数'),
    micro_grids: count('微网格数'),
    resident_groups: count('居(村)民小组数'),
    latitude: number({ label: '纬度', description: 'WGS-84 纬度', min: -90, max: 90 }),
    longitude: number({ label: '经度', description: 'WGS-84 经度', min: -180, max: 180 }),
    as_of: date({ label: '统计日期', required: true }),
    description: text({ label: '简介' }),
  },
  rules: ['户籍人口超过常住人口一半以上时给出警告'],
});

export const organizations = defineTable({
  name: 'organizations',
  label: '组织',
  description: '承接项目、捐赠资金或实施调查的组织。',
  required: true,
  primaryKey: ['org_id'],
  fields: {
    org_id: text({
      label: '组织编号',
      description: '18位统一社会信用代码(校验位须正确);没有的填本地编号,如社区社会组织备案号',
      required: true,
    }),
    name: text({ label: '组织名称', required: true }),
    kind: enumeration(ORGANIZATION_KIND, { label: '组织类型', required: true }),
    registered_on: date({ label: '登记日期' }),
    rating: enumeration(ORGANIZATION_RATING, { label: '评估等级' }),
    community_id: text({ label: '所在社区', references: communityRef }),
  },
  rules: ['18位的组织编号按统一社会信用代码校验(GB 32100-2015)'],
});

export const projects = defineTable({
  name: 'projects',
  label: '项目',
  description: '在社区实施的服务项目。',
  required: true,
  primaryKey: ['project_id'],
  fields: {
    project_id: text({ label: '项目编号', required: true }),
    community_id: text({ label: '社区代码', required: true, references: communityRef }),
    title: text({ label: '项目名称', required: true }),
    summary: text({ label: '项目简介' }),
    category: enumeration(PROJECT_CATEGORY, { label: '服务领域', required: true }),
    mechanism: enumeration(PROJECT_MECHANISM, { label: '实施方式', required: true }),
    origin: enumeration(PROJECT_ORIGIN, { label: '项目来源', required: true }),
    operator_org_id: text({ label: '承接组织', references: organizationRef }),
    start_date: date({ label: '开始日期', required: true }),
    end_date: date({ label: '结束日期', description: '不早于开始日期' }),
    status: enumeration(PROJECT_STATUS, { label: '状态', required: true }),
    budget: amount({ label: '预算(元)', required: true, min: 0 }),
    progress_pct: number({ label: '进度(%)', min: 0, max: 100 }),
    beneficiaries: count('受益人次'),
    volunteers: count('参与志愿者(人)'),
    volunteer_hours: number({ label: '志愿服务时长(小时)', min: 0 }),
    social_workers: count('参与社工(人)'),
    evaluation: enumeration(EVALUATION, { label: '评估结果' }),
    evaluated_on: date({ label: '评估日期', description: '填写评估结果时必填' }),
    continues_project_id: text({ label: '延续项目', description: '本项目延续的上一个项目', references: projectRef }),
    proposal_id: text({ label: '来源提事', references: { table: 'proposals', field: 'proposal_id' } }),
  },
  rules: [
    '结束日期不早于开始日期',
    '填写评估结果时必须填写评估日期',
    '延续项目不能是自身，延续关系也不能形成循环',
    '项目支出超过其收入或预算时给出警告',
    '已完成的项目没有支出时给出警告',
  ],
});

export const transactions = defineTable({
  name: 'transactions',
  label: '资金',
  description: '资金流水:收入与支出分行记录。项目和社区的合计由流水推算,不另行填写。',
  required: true,
  primaryKey: ['transaction_id'],
  fields: {
    transaction_id: text({ label: '流水号', required: true }),
    date: date({ label: '日期', required: true }),
    community_id: text({ label: '社区代码', required: true, references: communityRef }),
    project_id: text({ label: '项目编号', description: '所属项目必须属于同一社区', references: projectRef }),
    type: enumeration(TRANSACTION_TYPE, { label: '收支', required: true }),
    source: enumeration(FUND_SOURCE, { label: '资金来源', description: '收入必填,支出留空' }),
    expense_category: enumeration(EXPENSE_CATEGORY, { label: '支出类别', description: '支出必填,收入留空' }),
    counterparty_org_id: text({ label: '对方组织', references: organizationRef }),
    counterparty_name: text({
      label: '对方名称',
      description: '不得填写自然人姓名:个人捐赠记为“个人捐赠者”并填写人数',
    }),
    donor_count: count('捐赠人数', '个人捐赠与居民众筹的人数'),
    amount: amount({ label: '金额(元)', required: true, exclusiveMin: 0 }),
    purpose: text({ label: '用途摘要' }),
    voucher_no: text({ label: '凭证号' }),
  },
  rules: [
    '收入必须填写资金来源且不填支出类别;支出必须填写支出类别且不填资金来源',
    '所属项目的社区必须与本行社区代码一致',
    '捐赠人数只用于个人捐赠与居民众筹',
  ],
});

export const surveys = defineTable({
  name: 'surveys',
  label: '满意度',
  description: '居民满意度调查的汇总结果;不公开任何单份答卷。',
  required: true,
  primaryKey: ['survey_id', 'dimension'],
  fields: {
    survey_id: text({ label: '调查编号', required: true }),
    community_id: text({ label: '社区代码', required: true, references: communityRef }),
    project_id: text({ label: '项目编号', description: '针对单个项目的调查', references: projectRef }),
    period: period({ label: '调查期', required: true }),
    dimension: enumeration(SURVEY_DIMENSION, { label: '维度', required: true }),
    respondents: integer({ label: '有效样本', required: true, exclusiveMin: 0 }),
    satisfied: integer({ label: '满意人数', description: '满意与非常满意的人数', required: true, min: 0 }),
    mean_score: number({ label: '平均分', min: 1 }),
    scale_max: integer({ label: '量表上限', description: '5、10 或 100;填写平均分时必填' }),
    method: enumeration(SURVEY_METHOD, { label: '调查方式', required: true }),
    conducted_by: text({ label: '实施机构', references: organizationRef }),
  },
  rules: [
    '满意人数不超过有效样本',
    '填写平均分时必须填写量表上限(5、10 或 100),且平均分不超过量表上限',
    '有效样本少于30时给出警告',
  ],
});

export const workforce = defineTable({
  name: 'workforce',
  label: '队伍',
  description: '社区的社工、社区工作者、社区社会组织与志愿者队伍(可选)。',
  required: false,
  primaryKey: ['community_id', 'period'],
  fields: {
    community_id: text({ label: '社区代码', required: true, references: communityRef }),
    period: period({ label: '统计期', required: true }),
    social_workers_certified: count('持证社工'),
    community_workers: count('社区工作者'),
    community_orgs_filed: count('备案社区社会组织'),
    volunteers_registered: count('注册志愿者'),
    volunteer_hours: number({ label: '志愿服务时长', min: 0 }),
    resident_leaders: count('居民骨干(微领袖)'),
  },
  rules: [],
});

export const proposals = defineTable({
  name: 'proposals',
  label: '提事',
  description: '居民提事的“六事法”流程:自主提事→民主议事→约请参事→项目定事→专业评事→按需推事(可选)。',
  required: false,
  primaryKey: ['proposal_id'],
  fields: {
    proposal_id: text({ label: '提事编号', required: true }),
    community_id: text({ label: '社区代码', required: true, references: communityRef }),
    raised_on: date({ label: '提出日期', required: true }),
    title: text({ label: '事项', required: true }),
    category: enumeration(PROJECT_CATEGORY, { label: '领域' }),
    stage: enumeration(PROPOSAL_STAGE, { label: '阶段', required: true }),
    stage_on: date({ label: '阶段日期', description: '不早于提出日期', required: true }),
    supporters: count('附议人数'),
  },
  rules: ['阶段日期不早于提出日期'],
});
