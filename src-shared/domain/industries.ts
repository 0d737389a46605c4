// GB/T 4754-2017 国民经济行业分类: its 20 sections (门类 A–T, named in labels.ts as the
// `industry` group) and 97 divisions (大类 01–97), which ship with the app. An enterprise's
// industry is a section letter or a letter with its division (`C39`); the bureau may add its
// own entries (settings `industries`), and anything else is kept with a warning.
import { wordsOf } from '../labels';
import { INDUSTRY_SECTIONS } from './enums';

export interface IndustryEntry {
  /** 'C' for a section, 'C39' for a division. */
  code: string;
  /** The section's letter. */
  section: string;
  zh: string;
}

// Division codes are numbered through the whole standard; each section holds a run of them.
const DIVISIONS_BY_SECTION: Record<string, string[]> = {
  A: ['农业', '林业', '畜牧业', '渔业', '农、林、牧、渔专业及辅助性活动'],
  B: [
    '煤炭开采和洗选业',
    '石油和天然气开采业',
    '黑色金属矿采选业',
    '有色金属矿采选业',
    '非金属矿采选业',
    '开采专业及辅助性活动',
    '其他采矿业',
  ],
  C: [
    '农副食品加工业',
    '食品制造业',
    '酒、饮料和精制茶制造业',
    '烟草制品业',
    '纺织业',
    '纺织服装、服饰业',
    '皮革、毛皮、羽毛及其制品和制鞋业',
    '木材加工和木、竹、藤、棕、草制品业',
    '家具制造业',
    '造纸和纸制品业',
    '印刷和记录媒介复制业',
    '文教、工美、体育和娱乐用品制造业',
    '石油、煤炭及其他燃料加工业',
    '化学原料和化学制品制造业',
    '医药制造业',
    '化学纤维制造业',
    '橡胶和塑料制品业',
    '非金属矿物制品业',
    '黑色金属冶炼和压延加工业',
    '有色金属冶炼和压延加工业',
    '金属制品业',
    '通用设备制造业',
    '专用设备制造业',
    '汽车制造业',
    '铁路、船舶、航空航天和其他运输设备制造业',
    '电气机械和器材制造业',
    '计算机、通信和其他电子设备制造业',
    '仪器仪表制造业',
    '其他制造业',
    '废弃资源综合利用业',
    '金属制品、机械和设备修理业',
  ],
  D: ['电力、热力生产和供应业', '燃气生产和供应业', '水的生产和供应业'],
  E: ['房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰、装修和其他建筑业'],
  F: ['批发业', '零售业'],
  G: [
    '铁路运输业',
    '道路运输业',
    '水上运输业',
    '航空运输业',
    '管道运输业',
    '多式联运和运输代理业',
    '装卸搬运和仓储业',
    '邮政业',
  ],
  H: ['住宿业', '餐饮业'],
  I: ['电信、广播电视和卫星传输服务', '互联网和相关服务', '软件和信息技术服务业'],
  J: ['货币金融服务', '资本市场服务', '保险业', '其他金融业'],
  K: ['房地产业'],
  L: ['租赁业', '商务服务业'],
  M: ['研究和试验发展', '专业技术服务业', '科技推广和应用服务业'],
  N: ['水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业'],
  O: ['居民服务业', '机动车、电子产品和日用产品修理业', '其他服务业'],
  P: ['教育'],
  Q: ['卫生', '社会工作'],
  R: ['新闻和出版业', '广播、电视、电影和录音制作业', '文化艺术业', '体育', '娱乐业'],
  S: [
    '中国共产党机关',
    '国家机构',
    '人民政协、民主党派',
    '社会保障',
    '群众团体、社会团体和其他成员组织',
    '基层群众自治组织及其他组织',
  ],
  T: ['国际组织'],
};

function buildEntries(): IndustryEntry[] {
  const out: IndustryEntry[] = [];
  let division = 1;
  for (const section of INDUSTRY_SECTIONS) {
    out.push({ code: section, section, zh: wordsOf('industry', section)!.zh });
    for (const zh of DIVISIONS_BY_SECTION[section] ?? []) {
      out.push({ code: `${section}${String(division++).padStart(2, '0')}`, section, zh });
    }
  }
  return out;
}

/** Every section followed by its divisions, in the standard's order. */
export const INDUSTRY_ENTRIES: readonly IndustryEntry[] = buildEntries();

const BY_CODE = new Map(INDUSTRY_ENTRIES.map((e) => [e.code, e]));

/** A section letter, or a letter and two digits: what is read as a code rather than as a name. */
export const INDUSTRY_CODE_RE = /^[A-Ta-t](\d{2})?$/;

/** The standard's entry for a code (`C39`, `c`), if it has one. */
export function industryEntry(value: string | null | undefined): IndustryEntry | undefined {
  const v = value?.trim().toUpperCase();
  return v ? BY_CODE.get(v) : undefined;
}

/** The entry whose name is exactly this text (a section's or a division's), if one is. */
export function industryByName(text: string): IndustryEntry | undefined {
  const t = text.trim();
  return INDUSTRY_ENTRIES.find((e) => e.zh === t);
}

/** Whether an industry is in the standard or among the bureau's own entries. */
export function isListedIndustry(value: string, custom: readonly string[]): boolean {
  const v = value.trim();
  return industryEntry(v) !== undefined || custom.includes(v);
}

/** How an industry reads on screens and in files: `C39 计算机、通信…`, or a custom entry as typed. */
export function industryText(value: string | null | undefined): string {
  if (!value) return '';
  const e = industryEntry(value);
  return e ? `${e.code} ${e.zh}` : value;
}

/**
 * The key an enterprise falls under in the reports' split by industry: its section letter, or
 * the text of an industry outside the standard (a custom entry is its own line).
 */
export function industrySplitKey(value: string | null | undefined): string {
  const v = value?.trim() ?? '';
  return INDUSTRY_CODE_RE.test(v) ? v.slice(0, 1).toUpperCase() : v;
}

/** industrySplitKey in SQL, for a column or expression holding the industry. */
export function industrySplitSql(expr: string): string {
  return `(CASE WHEN trim(${expr}) GLOB '[A-Ta-t]' OR trim(${expr}) GLOB '[A-Ta-t][0-9][0-9]'
    THEN upper(substr(trim(${expr}), 1, 1)) ELSE trim(${expr}) END)`;
}
