/** Every closed list of the standard, with the Chinese label a publisher may write instead of the code. */
import { defineEnum } from './define.ts';

export const COMMUNITY_KIND = defineEnum({
  urban: '城市社区',
  rural: '农村社区',
  mixed: '融合型大社区',
  urban_village: '城中村·城郊结合部·拆迁安置社区',
});

export const ORGANIZATION_KIND = defineEnum({
  social_org: '登记社会组织',
  community_org: '备案社区社会组织',
  social_work_agency: '社工机构',
  charity: '慈善组织·基金会',
  enterprise: '企业·共建单位',
  government: '政府部门',
  committee: '居(村)委会',
  other: '其他',
});

export const ORGANIZATION_RATING = defineEnum({
  '1A': '1A',
  '2A': '2A',
  '3A': '3A',
  '4A': '4A',
  '5A': '5A',
});

export const PROJECT_CATEGORY = defineEnum({
  elderly: '养老助老',
  children: '儿童青少年',
  disability: '助残',
  family: '婚姻家庭',
  mediation: '矛盾调解',
  culture: '文体活动',
  environment: '环境治理',
  health: '健康服务',
  assistance: '帮困救助',
  newcomers: '新居民融入',
  capacity: '组织培育·能力建设',
  governance: '议事协商·自治',
  other: '其他',
});

export const PROJECT_MECHANISM = defineEnum({
  government_purchase: '政府购买服务',
  venture_philanthropy: '公益创投',
  micro_project: '微项目·微治理',
  community_fund: '社区基金资助',
  crowdfunding: '居民众筹',
  charity: '慈善资助',
  self_organized: '自主开展',
});

export const PROJECT_ORIGIN = defineEnum({
  resident_proposal: '居民自主提事',
  needs_assessment: '需求调研',
  assigned: '上级下派',
  other: '其他',
});

export const PROJECT_STATUS = defineEnum({
  planned: '计划中',
  ongoing: '实施中',
  completed: '已完成',
  suspended: '暂停',
  terminated: '终止',
});

export const EVALUATION = defineEnum({
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
});

export const TRANSACTION_TYPE = defineEnum({
  income: '收入',
  expenditure: '支出',
});

export const FUND_SOURCE = defineEnum({
  fiscal: '财政拨款',
  government_purchase: '政府购买服务',
  venture_philanthropy: '公益创投',
  matching: '政府配套',
  charity_donation: '机构慈善捐赠',
  individual_donation: '个人捐赠(合计)',
  enterprise: '企业·共建单位支持',
  community_fund: '社区发展基金',
  crowdfunding: '居民众筹',
  other: '其他',
});

/**
 * Sources that count as government money when measuring dependence on it, and sources that count
 * as 社会公益慈善资源 (the fifth force). `other` is neither.
 */
export const GOVERNMENT_SOURCES = ['fiscal', 'government_purchase', 'venture_philanthropy', 'matching'] as const;
export const CHARITABLE_SOURCES = [
  'charity_donation',
  'individual_donation',
  'enterprise',
  'community_fund',
  'crowdfunding',
] as const;

export const EXPENSE_CATEGORY = defineEnum({
  personnel: '人员',
  activities: '活动',
  materials: '物资',
  venue: '场地',
  management: '管理',
  other: '其他',
});

export const SURVEY_DIMENSION = defineEnum({
  overall: '总体',
  services: '公共服务',
  environment: '环境卫生',
  safety: '平安',
  elderly_care: '养老服务',
  childcare: '托育·儿童',
  culture: '文化生活',
  governance: '议事协商',
  property: '物业管理',
  project: '项目服务',
});

export const SURVEY_METHOD = defineEnum({
  door_to_door: '入户',
  online: '线上',
  phone: '电话',
  third_party: '第三方',
});

/** The 六事法 path of a resident's proposal, in order, plus `declined`. */
export const PROPOSAL_STAGE = defineEnum({
  raised: '自主提事',
  deliberated: '民主议事',
  consulted: '约请参事',
  decided: '项目定事',
  evaluated: '专业评事',
  promoted: '按需推事',
  declined: '未采纳',
});

export const SCALE_MAX_VALUES = [5, 10, 100] as const;
