/** Words of the sample: project titles and summaries, proposal subjects, purposes of payments. */
import { pick, type Rng } from './random.ts';
import type { ExpenseCategory, ProjectCategory } from './types.ts';

/** `{c}` is the community's name. */
const TITLES: Readonly<Record<ProjectCategory, readonly string[]>> = {
  elderly: [
    '{c}“银龄守护”助老服务项目',
    '{c}“幸福食堂”助餐服务',
    '{c}居家养老上门服务项目',
    '{c}老年人智能手机课堂',
    '{c}“时间银行”互助养老',
  ],
  children: ['{c}“四点半课堂”', '{c}暑期托管服务项目', '{c}“童心港湾”儿童关爱', '{c}青少年成长营'],
  disability: ['{c}“阳光助残”康复服务', '{c}残疾人就业帮扶项目', '{c}助残“微心愿”'],
  family: ['{c}“和美家庭”婚姻家庭辅导', '{c}亲子共成长项目', '{c}家风家教传承行动'],
  mediation: ['{c}“和事佬”矛盾调解工作室', '{c}邻里纠纷调解服务', '{c}“老娘舅”议事调解'],
  culture: ['{c}邻里文化节', '{c}“村晚”文艺展演', '{c}书香阅读角', '{c}非遗传承（平湖派琵琶）体验'],
  environment: ['{c}垃圾分类督导项目', '{c}“美丽庭院”共建', '{c}楼道微更新', '{c}河道守护志愿行动'],
  health: ['{c}慢病健康管理服务', '{c}“健康小屋”义诊', '{c}心理健康关爱项目'],
  assistance: ['{c}困难家庭“微心愿”帮扶', '{c}“暖冬”帮困救助', '{c}低收入家庭增收帮扶'],
  newcomers: ['{c}新居民融入“同心家园”', '{c}“新平湖人”子女关爱', '{c}新居民积分服务站'],
  capacity: ['{c}社区社会组织孵化培育', '{c}志愿者骨干能力提升', '{c}“微领袖”培育计划'],
  governance: ['{c}“六事法”议事协商项目', '{c}居民议事会规范化建设', '{c}“有事好商量”协商平台', '{c}网格微治理项目'],
  other: ['{c}邻里节', '{c}社区公共空间改造'],
};

const SUMMARIES: Readonly<Record<ProjectCategory, string>> = {
  elderly: '面向高龄、独居和失能老人，提供助餐、上门探访和健康监测服务。',
  children: '为辖区儿童提供课后托管、学业辅导和成长小组活动。',
  disability: '为残疾人及其家庭提供康复训练、辅具对接和就业支持。',
  family: '开展婚姻家庭辅导、亲子活动和家庭教育讲座。',
  mediation: '组建调解队伍，及时化解邻里、物业和家庭纠纷。',
  culture: '组织文体团队开展展演、阅读和节庆活动，丰富居民文化生活。',
  environment: '发动居民和志愿者开展垃圾分类督导、环境整治和庭院美化。',
  health: '联合社区卫生服务站开展慢病管理、义诊和健康讲座。',
  assistance: '摸排困难家庭需求，开展帮扶慰问和资源链接。',
  newcomers: '帮助新居民办理服务、参与社区活动，促进新老居民融合。',
  capacity: '培育社区社会组织和居民骨干，提升自我服务能力。',
  governance: '按“六事法”组织居民提事、议事和协商，推动问题解决。',
  other: '回应居民提出的公共事务需求。',
};

const PROPOSALS: Readonly<Record<ProjectCategory, readonly string[]>> = {
  elderly: ['老年食堂增设送餐服务', '楼道加装扶手', '增加老年人健康讲座', '独居老人定期探访'],
  children: ['暑期儿童托管', '增设儿童游乐设施', '放学后无人看护问题'],
  disability: ['无障碍通道改造', '残疾人康复器材配置'],
  family: ['亲子活动空间开放', '家庭矛盾调解服务'],
  mediation: ['邻里漏水纠纷协调机制', '物业与业主矛盾协调'],
  culture: ['广场舞时间与噪音协商', '建立社区书屋', '组织邻里节活动'],
  environment: ['垃圾分类点位调整', '河道保洁与绿化补植', '楼道堆物清理', '小区积水改造'],
  health: ['家庭医生上门服务', '增设健康检测点'],
  assistance: ['困难家庭节日慰问', '困难学生助学'],
  newcomers: ['新居民子女暑期托管', '出租房安全管理', '新居民参与社区议事'],
  capacity: ['成立楼道志愿服务队', '培训居民议事骨干'],
  governance: ['电动自行车集中充电棚建设', '小区停车位规划', '物业服务质量提升', '公共收益使用公开'],
  other: ['公共区域照明修缮', '快递柜设置位置协商'],
};

export function projectTitle(rng: Rng, category: ProjectCategory, communityName: string): string {
  return pick(rng, TITLES[category]).replace('{c}', communityName);
}

const PHASES = ['', '（二期）', '（三期）', '（四期）'];

/** The title of the n-th year of a project (n = 1 is the first). */
export function phaseTitle(base: string, n: number): string {
  return base + (PHASES[n - 1] ?? `（第${n}期）`);
}

export function projectSummary(category: ProjectCategory): string {
  return SUMMARIES[category];
}

export function proposalTitle(rng: Rng, category: ProjectCategory): string {
  return pick(rng, PROPOSALS[category]);
}

const EXPENSES: Readonly<Record<ExpenseCategory, readonly string[]>> = {
  personnel: ['社工人员服务费', '专业督导费', '项目人员劳务费'],
  activities: ['活动组织费用', '小组活动费用', '讲座与培训费用'],
  materials: ['活动物资采购', '慰问物资', '宣传资料印制'],
  venue: ['场地租用', '场地布置'],
  management: ['项目管理费', '财务审计费'],
  other: ['保险费', '交通费'],
};

export function expensePurpose(rng: Rng, category: ExpenseCategory): string {
  return pick(rng, EXPENSES[category]);
}

const CN_QUARTER = ['一', '二', '三', '四'];

export function quarterLabel(year: number, quarter: number): string {
  return `${year}年第${CN_QUARTER[quarter - 1]}季度`;
}
