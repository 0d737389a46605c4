// The words of the demo district: a fictional 启明区 of a fictional 江州市. Every name here is
// invented; any likeness to a real enterprise or person is a coincidence of common words.

import type { DemandCategory } from '@shared/domain/enums';

export const CITY = '江州';
export const DISTRICT = '启明区';
/** 行政区划码 used in the USCCs (fictional): the district, and the city for older registrations. */
export const DIVISION_CODES = ['330591', '330591', '330591', '330500'] as const;

export interface Town {
  name: string;
  roads: string[];
  parks: string[];
}

export const TOWNS: Town[] = [
  {
    name: '启明街道',
    roads: ['启明大道', '科创路', '文昌路', '学府路'],
    parks: ['启明科技园', '江州大学科技园'],
  },
  { name: '东湖街道', roads: ['东湖路', '湖滨北路', '望湖路'], parks: ['东湖数字经济产业园'] },
  { name: '西岭街道', roads: ['西岭路', '枫林路', '青云路'], parks: ['西岭智造小镇'] },
  {
    name: '新港街道',
    roads: ['新港大道', '港城路', '海晖路', '临江路'],
    parks: ['新港高新技术产业园', '新港保税物流园'],
  },
  { name: '白沙镇', roads: ['白沙工业大道', '沙湾路', '兴业路'], parks: ['白沙工业集中区'] },
  { name: '青石镇', roads: ['青石路', '药谷大道', '长青路'], parks: ['青石生物医药园'] },
  { name: '柳溪镇', roads: ['柳溪路', '溪岸路', '纺织城大道'], parks: ['柳溪纺织科技园'] },
  { name: '云山镇', roads: ['云山路', '茶园路', '农科路'], parks: ['云山现代农业科技园'] },
];

// --- people ------------------------------------------------------------------

/** Common surnames, most common first (the first ones are drawn more often). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

export const GIVEN_CHARS = [
  ...'建国华明志伟文军海亮晓丽红玉英芳燕静敏婷雪慧琳欣怡佳嘉宇浩然博涛磊鹏飞俊杰峰斌辉强勇刚毅凯晨阳帆洋昊楠璐颖倩蕾婧瑶琪悦彤萌思梦诗雨雅立新春秋平安永德正清荣振宏庆松林涵子卫东晖锋',
];

export const CONTACT_TITLES = [
  '董事长',
  '总经理',
  '副总经理',
  '技术总监',
  '研发部经理',
  '财务总监',
  '行政主管',
  '办公室主任',
  '项目申报专员',
  '人事经理',
];

// --- experts -----------------------------------------------------------------

export const UNIVERSITIES = [
  '江州大学',
  '江州理工大学',
  '江州医科大学',
  '江州农林大学',
  '东海工业大学',
  '江州职业技术学院',
  '省科学院先进制造研究所',
  '省科学院生物技术研究所',
  '江州市工业技术研究院',
  '江州新材料研究院',
];

export const EXPERT_TITLES = ['教授', '副教授', '研究员', '副研究员', '正高级工程师', '高级工程师'];

/** Fields of expertise: clinics are organised by field, experts belong to one. */
export interface Field {
  name: string;
  specialities: string[];
  /** GB/T 4754 divisions of the enterprises this field serves. */
  industries: string[];
  /** Technical subjects that come up in visits, demands and clinics. */
  topics: string[];
}

export const FIELDS: Field[] = [
  {
    name: '智能制造',
    specialities: ['工业机器人', '机器视觉检测', '数控加工工艺', '智能产线规划'],
    industries: ['C33', 'C34', 'C35', 'C36'],
    topics: ['产线自动化改造', '机器视觉缺陷检测', '精密加工精度提升', '设备远程运维'],
  },
  {
    name: '电子信息',
    specialities: ['集成电路设计', '嵌入式系统', '光电器件', '5G通信模组'],
    industries: ['C39', 'C40', 'I63'],
    topics: ['芯片封装散热', '射频模组国产化替代', '高精度传感器标定', '显示模组良率提升'],
  },
  {
    name: '新材料',
    specialities: ['高分子材料', '金属材料与热处理', '复合材料', '功能涂层'],
    industries: ['C26', 'C29', 'C30', 'C17'],
    topics: ['改性塑料耐候性', '碳纤维复合材料成型', '陶瓷材料烧结工艺', '功能性纤维开发'],
  },
  {
    name: '生物医药',
    specialities: ['药物制剂', '生物发酵工程', '医疗器械注册', '中药现代化'],
    industries: ['C27', 'C14', 'C13'],
    topics: ['仿制药一致性评价', '发酵工艺放大', '二类医疗器械注册检验', '功能食品配方'],
  },
  {
    name: '新能源',
    specialities: ['锂离子电池', '光伏组件', '储能系统', '电机驱动控制'],
    industries: ['C38', 'D44'],
    topics: ['电池热管理', '储能系统安全', '电机能效提升', '光伏组件衰减'],
  },
  {
    name: '软件与数字化',
    specialities: ['工业软件', '大数据分析', '人工智能算法', '信息安全'],
    industries: ['I64', 'I65', 'M74'],
    topics: ['工业互联网平台', '数据治理', '大模型行业应用', '等保测评整改'],
  },
  {
    name: '节能环保',
    specialities: ['废水处理', '固废资源化', '大气污染治理', '清洁生产审核'],
    industries: ['N77', 'C26', 'C22'],
    topics: ['高盐废水处理', '工业固废综合利用', 'VOCs治理', '能耗双控'],
  },
  {
    name: '现代农业',
    specialities: ['设施农业', '茶叶加工', '植物保护', '农产品深加工'],
    industries: ['A01', 'C15', 'C13'],
    topics: ['茶叶精深加工', '智慧大棚环境控制', '绿色防控', '农产品保鲜'],
  },
];

// --- enterprises ---------------------------------------------------------------

export interface Division {
  code: string;
  /** Business words that follow the 字号 in a name. */
  words: string[];
  weight: number;
}

/** GB/T 4754-2017 divisions in the district, weighted; mostly manufacturing (C). */
export const DIVISIONS: Division[] = [
  { code: 'C39', words: ['电子科技', '光电科技', '微电子', '智能科技', '半导体'], weight: 14 },
  { code: 'C35', words: ['智能装备', '自动化设备', '机械科技', '精工装备'], weight: 10 },
  { code: 'C34', words: ['机械', '流体设备', '精密机械', '动力科技'], weight: 8 },
  { code: 'C38', words: ['电气', '新能源科技', '电池科技', '电机'], weight: 8 },
  { code: 'C33', words: ['精密五金', '金属制品', '精密制造'], weight: 5 },
  { code: 'C29', words: ['塑胶', '高分子材料', '橡塑科技'], weight: 4 },
  { code: 'C26', words: ['化工', '新材料', '精细化工'], weight: 4 },
  { code: 'C27', words: ['生物医药', '药业', '生物科技', '医疗器械'], weight: 5 },
  { code: 'C36', words: ['汽车零部件', '汽车电子', '车业科技'], weight: 4 },
  { code: 'C40', words: ['仪器', '检测技术', '仪表'], weight: 3 },
  { code: 'C30', words: ['新型建材', '陶瓷科技', '玻璃科技'], weight: 2 },
  { code: 'C17', words: ['纺织', '纺织科技', '功能面料'], weight: 3 },
  { code: 'C14', words: ['食品', '食品科技', '营养科技'], weight: 2 },
  { code: 'C13', words: ['粮油', '农产品加工'], weight: 1 },
  { code: 'C15', words: ['茶业', '饮品'], weight: 1 },
  { code: 'C22', words: ['纸业', '包装科技'], weight: 1 },
  { code: 'I65', words: ['软件', '信息技术', '数据科技', '数字技术'], weight: 8 },
  { code: 'I64', words: ['网络科技', '数字科技', '互联网科技'], weight: 4 },
  { code: 'I63', words: ['通信技术', '物联科技'], weight: 2 },
  { code: 'M73', words: ['技术研究院', '科学研究'], weight: 2 },
  { code: 'M74', words: ['检测', '工程技术', '设计研究'], weight: 4 },
  { code: 'M75', words: ['科技服务', '技术转移'], weight: 3 },
  { code: 'N77', words: ['环保科技', '环境工程'], weight: 2 },
  { code: 'D44', words: ['能源', '电力科技'], weight: 1 },
  { code: 'A01', words: ['农业科技', '生态农业'], weight: 1 },
];

/** The two characters of a 字号 are drawn from these. */
export const BRAND_FIRST = [
  ...'华中博瑞恒鑫宏天新永金远达凯正海科信精创优立盛嘉联德思智润泰安启明东卓越英汇晶睿航铭驰领迈融',
];
export const BRAND_SECOND = [
  ...'芯源科泰宇通达锐盛讯诚拓辉邦顺隆腾维康润禾曜峰航晟策翔耀创灵川澜和信丰恒图研',
];

export const LEGAL_FORMS = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];

// --- visits ------------------------------------------------------------------

export const PRODUCTS: Record<string, string[]> = {
  C: ['新一代产品', '核心零部件', '高端定制产品', '出口型号'],
  I: ['行业管理平台', 'SaaS系统', '数据中台', '智能终端软件'],
  M: ['检测服务', '技术解决方案', '工程设计服务'],
  other: ['主营产品', '新产品'],
};

export const SITUATION_GOOD = [
  '企业今年订单饱满，1—{m}月营业收入同比增长约{x}%，{product}市场反响良好。',
  '企业经营态势良好，新建产线已投产，预计全年产值较上年增长{x}%。',
  '企业研发团队扩充至{n}人，{product}已进入小批量试产阶段。',
  '企业近期中标一批重点项目，在手订单可排产至{q}季度。',
];
export const SITUATION_STABLE = [
  '企业生产经营总体平稳，1—{m}月营收与上年同期基本持平。',
  '企业经营稳定，正在推进{product}的迭代升级。',
  '企业产能利用率约{x}%，主要客户合作稳定。',
];
export const SITUATION_PRESSURE = [
  '受下游需求放缓影响，企业订单较去年同期下降约{x}%，正在积极开拓海外市场。',
  '原材料价格上涨挤压利润，企业希望通过技术改造降低成本。',
  '企业资金周转偏紧，应收账款回款周期延长。',
];
export const DISCUSSIONS = [
  '双方重点交流了{topic}方面的技术难点，企业有意与高校开展产学研合作。',
  '详细了解了企业研发费用归集情况，提醒按项目建立研发辅助账。',
  '企业负责人介绍了{topic}的研发进展，计划年内申请发明专利{k}项。',
  '就{topic}听取了企业意见，企业希望区里帮助对接专家资源。',
  '了解了企业高新技术企业认定准备情况，建议提前梳理知识产权和高新技术产品收入。',
  '交流了企业人才队伍建设情况，企业反映中高端研发人才招引难。',
  '走访中宣传了区科技创新扶持政策，企业对科技创新券表现出兴趣。',
];
export const CLOSINGS = ['企业对区科技局的服务表示感谢。', '约定下月再次跟进。', '', ''];
export const CLOSING_WITH_DEMANDS = '企业提出的诉求已记录在案，按流程交办。';
export const SOLVED_ON_SITE = [
  '现场解答了企业关于{policy}的疑问，问题当场解决。',
  '现场指导企业完成了{policy}的线上申报。',
];
export const POLICIES = [
  '研发费用税前加计扣除',
  '高新技术企业认定奖励',
  '科技型中小企业评价入库',
  '科技创新券',
  '企业研发投入后补助',
  '首台（套）重大技术装备认定',
  '专精特新中小企业培育',
  '知识产权质押融资贴息',
  '科技成果转化奖补',
  '企业研发机构认定',
  '高层次人才安居补贴',
  '科技保险保费补贴',
];

// --- demands -------------------------------------------------------------------

export interface DemandTemplate {
  title: string;
  description: string;
}

/** Titles per category; {topic}, {field}, {univ}, {amount}, {year} are filled in. */
export const DEMAND_TEMPLATES: Record<DemandCategory, DemandTemplate[]> = {
  tech: [
    {
      title: '{topic}关键技术攻关需要专家支持',
      description: '企业在{topic}上遇到技术瓶颈，希望对接{field}领域高校专家联合攻关。',
    },
    { title: '寻求{topic}方向技术合作', description: '企业计划开发新产品，需要在{topic}方面寻找合作团队。' },
    {
      title: '产品质量稳定性问题需要技术诊断',
      description: '近期批次产品不良率上升，企业希望专家到现场诊断工艺问题。',
    },
  ],
  talent: [
    {
      title: '急需引进{field}方向研发人才',
      description: '企业研发中心扩建，急需3—5名{field}方向硕士以上研发人员。',
    },
    { title: '申请高层次人才安居补贴', description: '企业新引进博士1名，咨询安居补贴申请流程和材料。' },
    {
      title: '希望对接高校开展订单式人才培养',
      description: '企业希望与{univ}合作开设订单班，解决一线技术工人短缺问题。',
    },
  ],
  finance: [
    {
      title: '申请科技贷款{amount}万元',
      description: '企业扩大产能需要流动资金约{amount}万元，希望对接科技支行的科技贷产品。',
    },
    {
      title: '了解知识产权质押融资',
      description: '企业拥有发明专利若干项，咨询以专利质押贷款的流程和贴息政策。',
    },
    {
      title: '研发投入后补助资金尚未拨付',
      description: '企业上年度申请的研发投入后补助已公示，资金尚未到账。',
    },
  ],
  ip: [
    { title: '核心技术专利布局指导', description: '企业希望围绕{topic}做专利布局，避免被竞争对手围堵。' },
    { title: 'PCT国际专利申请资助咨询', description: '企业产品拟出口，咨询PCT专利申请费用资助政策。' },
    { title: '疑似专利侵权纠纷咨询', description: '企业发现市场上有仿冒产品，希望获得维权指导。' },
  ],
  policy: [
    {
      title: '咨询研发费用加计扣除政策',
      description: '企业财务对研发费用归集口径有疑问，希望税务和科技部门联合辅导。',
    },
    {
      title: '了解首台（套）装备认定条件',
      description: '企业新研制的设备拟申报首台（套），咨询申报条件和时间。',
    },
    {
      title: '希望解读{year}年区科技创新扶持政策',
      description: '企业希望了解今年新出台的科技扶持政策及申报节点。',
    },
  ],
  high_tech_cert: [
    {
      title: '{year}年高新技术企业认定申报辅导',
      description: '企业首次申报高企，对知识产权、研发费用占比等指标把握不准。',
    },
    {
      title: '高企资格即将到期，需要重新认定辅导',
      description: '企业高新技术企业证书今年到期，希望提前开展重新认定准备。',
    },
    {
      title: '高新技术产品收入归集指导',
      description: '企业对高新技术产品（服务）收入的认定和归集方法有疑问。',
    },
  ],
  rnd: [
    { title: '建立研发费用辅助账指导', description: '企业研发项目较多，希望指导规范建立研发费用辅助账。' },
    {
      title: '申请企业研发投入后补助',
      description: '企业上年度研发投入增长较快，咨询研发投入后补助的申请。',
    },
    {
      title: '建设企业研发中心需要指导',
      description: '企业计划建设研发中心，希望了解场地、设备和人员配置要求。',
    },
  ],
  tech_transfer: [
    {
      title: '对接{univ}科研成果产业化',
      description: '企业看中{univ}一项{topic}相关成果，希望协助洽谈转化。',
    },
    { title: '购买{topic}相关专利技术', description: '企业拟受让一批{topic}相关专利，希望评估技术价值。' },
    { title: '寻找中试基地', description: '企业新工艺完成小试，需要中试场地和设备。' },
  ],
  platform: [
    { title: '申报市级企业技术中心', description: '企业研发条件已具备，希望申报市级企业技术中心。' },
    { title: '申报省级工程技术研究中心', description: '企业拟申报省级工程技术研究中心，希望获得申报辅导。' },
    { title: '建设博士后工作站', description: '企业希望与{univ}合作建立博士后工作站。' },
  ],
  other: [
    { title: '厂区用电增容协调', description: '新产线投产后用电负荷不足，希望协调供电部门增容。' },
    { title: '企业扩建用地需求', description: '企业计划扩大产能，需要新增工业用地约20亩。' },
    { title: '员工子女入学协调', description: '企业引进的技术骨干子女入学需要协调。' },
  ],
};

export const RESPONSIBLE_UNITS: Record<DemandCategory, string[]> = {
  tech: ['区科技局科技创新科', '区科技局产学研合作办'],
  talent: ['区委人才办', '区人社局'],
  finance: ['区金融服务中心', '区财政局'],
  ip: ['区市场监管局知识产权科'],
  policy: ['区科技局政策法规科', '区税务局'],
  high_tech_cert: ['区科技局高新技术科'],
  rnd: ['区科技局高新技术科', '区税务局'],
  tech_transfer: ['区科技局成果转化科', `${CITY}技术转移中心`],
  platform: ['区科技局科技创新科', '区工信局'],
  other: ['区发改局', '区自然资源局', '区教育局', '属地镇街'],
};

export const REJECT_NOTES = [
  '属于企业之间的经济纠纷，不在科技服务范围内，已告知企业通过法律途径解决',
  '与已办结的需求重复，已合并办理',
  '企业已迁出本区，不予受理',
];
export const RETURN_NOTES = [
  '涉及用地审批，不属于本科室职责，退回重新交办',
  '涉及人社政策，建议交办区人社局对口处理',
  '企业诉求不清，退回补充材料后重新交办',
];
export const HOLD_NOTES = [
  '等待市科技局评审结果',
  '等待银行授信审批',
  '等待高校专家团队排期',
  '企业内部资料准备中，暂缓办理',
  '等待省级部门政策口径答复',
];
export const RESUME_NOTES = ['外部条件已具备，继续办理', '已收到答复，恢复办理', ''];
export const ANSWER_NOTES = [
  '已电话反馈企业办理情况',
  '已书面答复企业',
  '已组织专家上门对接，并向企业反馈',
  '已将政策口径和申报材料清单反馈企业',
];
export const REOPEN_NOTES = [
  '企业反映问题再次出现，重新办理',
  '抽查发现办结材料不全，重新办理',
  '企业补充了新情况，需要继续跟进',
];

/** What the bureau did, per category: the resolutions are built from it. */
export const ACTIONS: Record<DemandCategory, string[]> = {
  tech: ['协调{univ}专家团队上门对接', '组织{field}领域专家到企业现场诊断'],
  talent: ['协调区人社局和{univ}发布专场招聘信息', '指导企业准备人才补贴申报材料'],
  finance: ['对接科技支行开展科技贷授信', '协调财政部门核查补助资金拨付进度'],
  ip: ['邀请知识产权服务机构开展专利布局辅导', '协调区市场监管局提供维权指导'],
  policy: ['会同区税务局开展政策辅导', '上门解读今年科技扶持政策及申报节点'],
  high_tech_cert: ['组织高企认定申报专项辅导', '对照认定指标逐项核查企业申报材料'],
  rnd: ['指导企业建立研发费用辅助账', '指导企业准备研发投入后补助申报材料'],
  tech_transfer: ['组织企业与{univ}开展成果转化对接', '委托技术转移中心开展专利价值评估'],
  platform: ['指导企业准备研发平台申报材料', '组织专家对企业平台建设方案进行论证'],
  other: ['协调相关部门现场办公', '将诉求转交属地镇街并跟踪办理'],
};
export const OUTCOMES: Record<DemandCategory, string> = {
  tech: '双方签订技术合作协议，技术难题已攻克。',
  talent: '企业已招聘到合适人选。',
  finance: '企业获得授信{amount}万元。',
  ip: '企业已完成相关专利申请。',
  policy: '企业已按政策要求完成申报。',
  high_tech_cert: '企业顺利通过认定。',
  rnd: '企业研发费用归集已规范，补助资金已到位。',
  tech_transfer: '成果转化合同已签订。',
  platform: '企业已通过平台认定。',
  other: '问题已解决。',
};
export const PARTIAL_OUTCOMES = [
  '申报材料已进入市级评审，后续继续关注。',
  '部分需求已满足，其余纳入下阶段计划。',
  '问题有所缓解，企业表示将继续自行推进。',
];
export const EXPLANATIONS = [
  '经核实，企业目前不符合申报条件，已向企业解释说明政策要求。',
  '该事项需按市级统一安排办理，已向企业说明时间节点。',
  '企业诉求超出现行政策范围，已耐心解释并提供其他渠道建议。',
];

// --- follow-ups ----------------------------------------------------------------

export const FOLLOWUP_CONTENT = {
  demand: ['电话回访企业负责人，了解需求办理结果', '上门回访，核实需求解决情况', '线上回访企业联系人'],
  visit: ['跟进走访中企业反映的情况', '了解企业近期生产经营变化', '回访企业政策申报进展'],
  clinic: ['了解专家会诊建议落实情况', '跟进会诊中达成的合作意向', '回访企业与专家团队对接进展'],
};
export const FOLLOWUP_RESULTS = {
  satisfied: ['企业对办理结果表示满意', '企业表示问题已解决，感谢区科技局', '企业认可办理过程和结果'],
  mostly_satisfied: [
    '企业基本满意，希望后续加快进度',
    '企业认可服务态度，问题部分解决',
    '企业基本满意，建议简化申报材料',
  ],
  dissatisfied: [
    '企业表示问题没有实际解决，不满意',
    '企业认为答复过于原则，不满意',
    '企业反映办理时间过长，不满意',
  ],
};

// --- clinics -------------------------------------------------------------------

export const CLINIC_TOPICS = [
  '{field}企业技术难题专家会诊',
  '{town}{field}产业专家问诊',
  '“科技副总”进企业·{field}专场',
  '{field}领域产学研对接会诊',
];
export const CLINIC_PLACES = [
  '区科技创新服务中心三楼会议室',
  '{park}企业服务中心',
  '{enterprise}会议室',
  '{town}便民服务中心二楼会议室',
];
export const CLINIC_PROBLEMS = [
  '{topic}工艺不稳定，产品一致性差',
  '{topic}缺少核心技术人员，研发进度滞后',
  '新产品在{topic}方面性能未达到客户要求',
  '生产过程能耗偏高，{topic}有改进空间',
];
export const CLINIC_ADVICE = [
  '建议与{univ}联合设立攻关项目，优化关键工艺参数',
  '建议引入在线检测设备，建立质量数据追溯体系',
  '建议申报市级科技计划项目，争取研发资金支持',
  '建议先开展小批量验证，再逐步扩大应用',
];

// What the events of a demand's handling that are no moves say.
export const FIRST_REPLY_NOTES = [
  '已电话告知企业需求已受理并交办，正在协调办理',
  '已向企业阶段性答复：正在会同相关部门研究，预计两周内反馈',
  '已联系企业负责人，说明办理流程和所需材料',
  '已答复企业：需求已转主办单位办理，将跟踪进展',
];
export const UNIT_REPLY_NOTES = [
  '已与企业对接，正在梳理相关材料',
  '已安排专人负责，初步方案报局审核',
  '已现场了解情况，需协调其他部门配合',
  '已完成初审，待企业补充材料后办理',
];
export const SUPERVISE_NOTES = [
  '办理进度滞后，列入督办',
  '企业多次反映，局领导要求督办',
  '涉及多个部门，需加强统筹，列入督办',
];
export const DISTRICT_SUPERVISE_NOTES = ['区领导批示，挂牌督办', '列入区重点企业诉求挂牌督办事项'];
export const URGE_NOTES = ['请于本周内反馈办理进展', '企业再次来电询问，请加快办理', ''];
