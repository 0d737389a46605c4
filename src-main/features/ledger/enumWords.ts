// Words people write in ledgers for each enumeration value. Data, not code: add a word here
// and the import understands it. The codes themselves (onsite, closed…) and the Chinese
// labels of labels.ts are accepted too, so a file this app exported always reads back.
// Matching ignores case, spaces, punctuation and full/half width; see values.ts.
import type { EnumGroup } from './labels';

export const ENUM_WORDS: { [G in EnumGroup]?: Record<string, string[]> } = {
  visitMode: {
    onsite: [
      '实地',
      '实地走访',
      '上门',
      '上门走访',
      '现场',
      '现场走访',
      '走访',
      '入企',
      '深入企业',
      'on site',
      'visit',
    ],
    phone: ['电话', '电话走访', '电话联系', '电话沟通', '电联', 'telephone', 'call'],
    meeting: ['座谈', '座谈会', '会议', '召开会议', '集中座谈', '约谈', '来访', 'meeting'],
    online: ['线上', '视频', '视频会议', '网络', '微信', '在线', '线上会议', 'video', 'online meeting'],
  },
  visitStatus: {
    draft: ['草稿', '暂存', '未提交'],
    submitted: ['已提交', '提交', '已录入'],
    reviewed: ['已审核', '审核通过', '已审', '已复核'],
  },
  demandStatus: {
    pending: ['待受理', '未受理', '已受理', '受理', '待办', '待处理', '未办理', '新增', '待交办', '未处理'],
    assigned: ['已交办', '交办', '已转办', '转办', '已分办', '分办', '已派单'],
    in_progress: [
      '办理中',
      '正在办理',
      '在办',
      '推进中',
      '处理中',
      '跟进中',
      '协调中',
      '正在推进',
      '未办结',
      '持续跟进',
    ],
    on_hold: ['挂起', '暂缓', '暂停', '搁置', '暂缓办理'],
    answered: ['已反馈', '已答复', '已回复', '反馈', '答复', '待回访'],
    closed: [
      '已办结',
      '办结',
      '已完成',
      '完成',
      '已解决',
      '解决',
      '已销号',
      '销号',
      '结案',
      '已结案',
      'done',
    ],
    rejected: ['不予受理', '不受理', '不予办理', '驳回', '已驳回'],
  },
  demandCategory: {
    tech: ['技术', '技术攻关', '技术难题', '技术需求', '技术问题', '技术支持', '科技攻关', '技术创新'],
    talent: ['人才', '人才引进', '人才需求', '用工', '招工', '招聘', '引才', '人才培养', '人力资源'],
    finance: ['融资', '资金', '贷款', '金融', '融资需求', '资金支持', '科技金融', '担保', '信贷'],
    ip: ['知识产权', '专利', '商标', '版权', '专利申请', '知产'],
    policy: ['政策', '政策咨询', '政策兑现', '政策申报', '政策落实', '政策扶持', '项目申报'],
    high_tech_cert: [
      '高企认定',
      '高企',
      '高企申报',
      '高新认定',
      '高新技术企业认定',
      '高新技术企业申报',
      '高企培育',
    ],
    rnd: ['研发', '研发投入', '研发费用', '研发费用加计扣除', '加计扣除', '研发机构'],
    tech_transfer: ['成果转化', '技术转移', '产学研', '产学研合作', '校企合作', '科技成果转化', '成果对接'],
    platform: [
      '平台',
      '平台建设',
      '研发平台',
      '创新平台',
      '载体',
      '孵化器',
      '工程技术研究中心',
      '重点实验室',
    ],
    other: ['其他', '其它', '综合', '其他需求'],
  },
  demandLevel: {
    district: ['区', '区级', '本级', '县区级', '区县级'],
    city: ['市', '市级'],
    province: ['省', '省级'],
  },
  demandSource: {
    visit: ['走访', '走访收集', '一对一走访', '上门走访', '企业走访'],
    clinic: ['会诊', '专家会诊', '专家问诊', '诊断'],
    hotline: ['热线', '12345', '服务热线', '电话反映', '热线电话'],
    self_reported: ['企业自报', '自报', '企业申报', '自主申报', '企业反映', '来访', '企业来访', '线上提交'],
    other: ['其他', '其它'],
  },
  closureType: {
    substantive: ['实质解决', '实质性解决', '已解决', '解决', '完全解决', '办结解决'],
    partial: ['部分解决', '基本解决', '部分'],
    explained: ['解释说明', '解释', '说明', '答复说明', '政策解释'],
  },
  satisfaction: {
    satisfied: ['满意', '非常满意', '很满意', '十分满意'],
    mostly_satisfied: ['基本满意', '比较满意', '较满意'],
    dissatisfied: ['不满意', '不太满意', '很不满意', '非常不满意'],
  },
  followupChannel: {
    onsite: ['实地', '上门', '现场', '实地回访', '上门回访', '走访'],
    phone: ['电话', '电话回访', '电联', '电话联系'],
    online: ['线上', '视频', '微信', '网络', '在线', '短信'],
  },
  followupParent: {
    demand: ['需求', '诉求', '企业需求'],
    visit: ['走访', '走访记录'],
  },
  tier: {
    tech_sme: ['科技型中小企业', '科小', '科技型', '科技中小企业', '入库科技型中小企业'],
    high_tech: ['高新技术企业', '高企', '国高', '国家高新技术企业', '国家级高新技术企业', '高新'],
    innovative_sme: ['创新型中小企业', '创新型'],
    specialized: ['专精特新', '专精特新企业', '专精特新中小企业', '省级专精特新', '市级专精特新'],
    little_giant: ['小巨人', '专精特新小巨人', '国家级小巨人', '国家级专精特新小巨人'],
    above_scale: ['规上', '规上企业', '规模以上', '规模以上企业', '规上工业企业'],
    listed: ['上市', '上市企业', '上市公司', '挂牌', '新三板'],
  },
  enterpriseStatus: {
    normal: ['正常', '存续', '在业', '在营', '开业', '正常经营'],
    unreachable: ['失联', '联系不上', '无法联系'],
    dormant: ['僵尸', '僵尸企业', '停产', '停业', '歇业', '吊销'],
  },
};

/** Cell texts that mean "no value" in any field (a dash, 无, 暂无…). */
export const EMPTY_WORDS = ['无', '暂无', '没有', '/', '-', '—', '——', '--', 'n/a', 'na', 'none', '空'];

/** Words for true / false in yes-no columns (现场解决, 企业确认…). */
export const BOOL_WORDS = {
  true: [
    '是',
    '有',
    'y',
    'yes',
    'true',
    '1',
    '√',
    '✓',
    '✔',
    '对',
    '已确认',
    '确认',
    '已签字',
    '现场解决',
    '已解决',
  ],
  false: ['否', '不', 'n', 'no', 'false', '0', '×', '✗', '✘', '未确认', '未签字', '未解决', '不是'],
};
