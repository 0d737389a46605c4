// Every sentence the core says to a person, in both languages, once. An error carries a message
// key and its parameters (`Msg`, in details.msg and in each issue); the renderer says it in the
// UI's language with `say`, the CLI and the logs keep the English `message`, and what the core
// writes into a record (a reopen note, an import's reasons) is said in Chinese, the bureau's
// data language. Placeholders are {{name}}; a parameter may name an enum value or another
// message, which is said in the same language.
import { wordsOf, type Lang, type LabelGroup } from './labels';

export type { Lang } from './labels';

interface Words {
  zh: string;
  en: string;
}

const table = <T extends Record<string, Words>>(t: T): T => t;

export const MESSAGES = table({
  // Any field.
  'field.required': { zh: '必填', en: 'required' },
  'field.empty': { zh: '不能为空', en: 'must not be empty' },
  'field.invalid': { zh: '值无效', en: 'is not valid' },
  'field.option': { zh: '请选择有效的选项', en: 'Invalid option' },
  'field.type': { zh: '类型不对：应为{{expected}}', en: 'Invalid input: expected {{expected}}' },
  'field.tooLong': { zh: '不能超过 {{n}} 个字', en: 'Too big: expected string to have <={{n}} characters' },
  'field.tooShort': { zh: '至少 {{n}} 个字', en: 'Too small: expected string to have >={{n}} characters' },
  'field.tooMany': { zh: '最多 {{n}} 项', en: 'Too big: expected array to have <={{n}} items' },
  'field.tooFew': { zh: '至少 {{n}} 项', en: 'Too small: expected array to have >={{n}} items' },
  'field.tooSmall': { zh: '不能小于 {{n}}', en: 'Too small: expected number to be >={{n}}' },
  'field.tooBig': { zh: '不能大于 {{n}}', en: 'Too big: expected number to be <={{n}}' },
  'field.integer': { zh: '应为整数', en: 'must be a whole number' },
  'field.protoKey': { zh: '不是可用的字段', en: "unknown field '__proto__'" },
  'field.unknownKey': { zh: '不认识的字段“{{name}}”', en: "unknown field '{{name}}'" },
  'field.date': { zh: '应为日期（年-月-日）', en: 'must be a calendar date YYYY-MM-DD' },
  'field.instant': {
    zh: '应为日期或日期时间',
    en: 'must be an ISO 8601 date-time with offset, or YYYY-MM-DD',
  },
  'field.future': { zh: '不能晚于现在（{{at}}）', en: 'cannot be in the future ({{at}})' },
  'field.afterToday': { zh: '不能晚于今天（{{date}}）', en: 'cannot be after today ({{date}})' },
  'field.phone': { zh: '只能包含数字、空格和 + - ( )', en: 'may hold only digits, spaces and + - ( )' },
  'field.industry': {
    zh: '应为 A–T 的门类字母，可加两位大类，如 C39',
    en: 'must be a GB/T 4754-2017 section letter A–T, optionally with a two-digit division (C39)',
  },
  'field.repeatCategory': { zh: '类别不能重复', en: 'must not repeat a category' },
  'field.repeatUnit': { zh: '承办单位不能重复', en: 'must not repeat a unit' },
  'field.repeatEnterprise': { zh: '同一企业列了两次', en: 'lists an enterprise twice' },
  'field.repeat': { zh: '不能重复', en: 'must not repeat an entry' },
  'field.categories': { zh: '需选择 1 至 4 个类别', en: 'needs 1 to 4 categories' },
  'field.quarter': { zh: '季度应写成 2026Q3 这样', en: 'must look like 2026Q3' },
  'amount.negative': { zh: '金额不能为负数', en: 'must not be negative' },
  'amount.tooLarge': { zh: '金额过大', en: 'the amount is too large' },
  'amount.decimals': { zh: '金额最多保留两位小数', en: 'an amount has at most two decimals' },
  'target.year': { zh: '年份须在 2000–2100 之间', en: 'a year from 2000 to 2100' },
  'target.wholeYear': { zh: '年份须为整数', en: 'a whole year' },
  'target.key': {
    zh: '不是可设目标的计数或合计指标',
    en: 'not a count or sum figure (outcome:TYPE:count, outcome:TYPE:amount or a count such as visits)',
  },
  'target.number': { zh: '目标须为数字', en: 'a number' },
  'target.negative': { zh: '目标不能为负数', en: 'a target cannot be negative' },
  'target.tooLarge': { zh: '目标过大', en: 'the target is too large' },
  'target.wholeCount': { zh: '计数目标须为整数', en: 'a count target is a whole number' },

  // Records and roles.
  'record.notFound': { zh: '没有这个{{kind}}（{{id}}）', en: "no {{kind}} with id '{{id}}'" },
  'record.deleted': { zh: '所选{{kind}}已被删除', en: "the {{kind}} '{{id}}' has been deleted" },
  'me.unset': {
    zh: '本机尚未设置“本人”，请先到设置中选择',
    en: 'no staff member is set as "me" on this install: give one explicitly or run init',
  },
  'me.cannotDelete': {
    zh: '不能删除本机“本人”对应的人员',
    en: 'cannot delete the staff member who is "me" on this install',
  },
  'role.supervisorOnly': { zh: '只有督办负责人可以{{what}}', en: 'only a supervisor can {{what}}' },
  // What only a supervisor may do (said after "only a supervisor can").
  'act.reassign': { zh: '批量改派需求', en: 'reassign demands' },
  'act.settings': { zh: '修改设置', en: 'change the settings' },
  'act.calendar': { zh: '修改节假日安排', en: 'change the holiday calendar' },
  'act.targets': { zh: '设置目标任务', en: 'set targets' },
  'act.supervise': { zh: '对需求督办', en: 'put demands under supervision' },
  'act.decideExtension': { zh: '审批延期申请', en: 'decide an extension request' },
  'act.reviewVisit': { zh: '审核走访或撤销审核', en: 'review a visit or undo a review' },
  'act.reopen': { zh: '重新打开已办结的需求', en: 'reopen a closed demand' },

  // Record kinds, as the messages above name them.
  'kind.staff': { zh: '人员', en: 'staff member' },
  'kind.enterprises': { zh: '企业', en: 'enterprise' },
  'kind.experts': { zh: '专家', en: 'expert' },
  'kind.units': { zh: '承办单位', en: 'unit' },
  'kind.visits': { zh: '走访', en: 'visit' },
  'kind.demands': { zh: '需求', en: 'demand' },
  'kind.demandHistory': { zh: '办理记录', en: 'history entry' },
  'kind.clinics': { zh: '会诊', en: 'clinic' },
  'kind.followups': { zh: '回访', en: 'follow-up' },
  'kind.activities': { zh: '活动', en: 'activity' },
  'kind.outcomes': { zh: '服务成效', en: 'outcome' },
  'kind.devices': { zh: '设备', en: 'device' },
  'kind.narratives': { zh: '报告说明', en: 'report narrative' },
  'kind.settings': { zh: '设置', en: 'settings record' },
  'kind.calendars': { zh: '年度节假日', en: 'calendar year' },
  'kind.targets': { zh: '目标任务', en: 'target' },
  'kind.conflict': { zh: '同步冲突', en: 'conflict' },
  'kind.heldChange': { zh: '暂存的修改', en: 'held change' },
  'kind.mapping': { zh: '已保存的列对应', en: 'saved mapping' },

  // Enterprises.
  'uscc.length': {
    zh: '信用代码应为 18 位，现在是 {{n}} 位',
    en: 'USCC must have 18 characters, got {{n}}',
  },
  'uscc.char': {
    zh: '第 {{pos}} 位字符“{{ch}}”不允许出现（信用代码不含 I、O、S、V、Z 和符号）',
    en: "USCC character {{pos}} ('{{ch}}') is not allowed (I, O, S, V, Z and symbols never occur)",
  },
  'uscc.check': {
    zh: '校验位是“{{got}}”，应为“{{want}}”',
    en: "USCC check character is '{{got}}' but should be '{{want}}'",
  },
  'uscc.keepAnyway': {
    zh: '{{problem}}；如确认无误，请勾选“保留此代码”并填写原因',
    en: '{{problem}}; save with usccOverride and a reason to keep it anyway',
  },
  'uscc.overrideReason': {
    zh: '保留此代码需填写原因',
    en: 'is required when usccOverride is set',
  },
  'uscc.taken': { zh: '该信用代码已属于“{{name}}”', en: "{{uscc}} already belongs to '{{name}}'" },
  'enterprise.openDemands': {
    zh: '该企业还有 {{n}} 件未办结的需求：请先办结、不予受理或移走',
    en: 'the enterprise has {{n}} open demand(s): close, reject or move them first',
  },
  'enterprise.mergeKept': { zh: '这是要保留的企业本身', en: 'is the enterprise being kept' },

  // Visits.
  'visit.hasDemands': {
    zh: '此次走访已提出需求：请先移走或删除这些需求',
    en: 'demands were raised in this visit: move or delete them first',
  },

  // Units and staff.
  'unit.nameTaken': { zh: '已有名为“{{name}}”的承办单位', en: "a unit named '{{name}}' already exists" },
  'unit.openDemands': {
    zh: '承办单位“{{name}}”还在主办或协办 {{n}} 件未办结的需求：请先交给其他单位',
    en: "the unit '{{name}}' handles {{n}} open demand(s) as lead or co unit: hand them to another unit first",
  },
  'unit.notHandling': {
    zh: '承办单位“{{name}}”不承办此需求',
    en: "the unit '{{name}}' is not handling this demand",
  },
  'unit.leadAsCo': {
    zh: '主办单位不能同时是协办单位',
    en: 'the lead unit cannot also be a co-handling unit',
  },
  'unit.byAssign': {
    zh: '承办单位只能在“交办”时指定',
    en: "units are handed a demand by a move to 'assigned'",
  },

  // Demands and their workflow.
  'demand.visitOtherEnterprise': {
    zh: '所选走访是另一家企业的',
    en: 'the visit was to another enterprise',
  },
  'demand.clinicOtherEnterprise': {
    zh: '该企业没有参加所选会诊',
    en: 'the enterprise was not diagnosed in that clinic',
  },
  'demand.activityOtherEnterprise': {
    zh: '该企业没有参加所选活动',
    en: 'the enterprise did not take part in that activity',
  },
  'demand.sourceNeeded': {
    zh: '来源为“{{source}}”时必填',
    en: "is required when source is '{{code}}'",
  },
  'demand.dueBeforeReceived': { zh: '时限不能早于受理日期', en: 'is before the demand was received' },
  'demand.dueFixed': {
    zh: '办结时限在创建后不能修改：只随挂起时间顺延',
    en: 'cannot be changed after the demand was created: it moves only by hold time',
  },
  'demand.noStatus': {
    zh: '该需求的状态尚未同步到本机，暂不能操作',
    en: 'the demand has no status yet (its record is still to come by sync)',
  },
  'demand.titledNoStatus': {
    zh: '需求“{{title}}”的状态尚未同步到本机，暂不能操作',
    en: "demand '{{title}}' has no status yet (its record is still to come by sync)",
  },
  'demand.replyEnded': {
    zh: '需求“{{title}}”当前为“{{status}}”，无需阶段性答复',
    en: "demand '{{title}}' is {{code}}: a first reply is for open demands",
  },
  'demand.noSuch': { zh: '没有这件需求（{{id}}）', en: "no demand with id '{{id}}'" },
  'demand.cannotReassign': {
    zh: '需求“{{title}}”当前为“{{status}}”，不能改派',
    en: "demand '{{title}}' is {{code}} and cannot be reassigned",
  },
  'demand.cannotSupervise': {
    zh: '需求“{{title}}”当前为“{{status}}”，不能督办',
    en: "demand '{{title}}' is {{code}} and cannot be supervised",
  },
  'demand.cannotUrge': {
    zh: '需求“{{title}}”当前为“{{status}}”，不能催办',
    en: "demand '{{title}}' is {{code}} and cannot be urged",
  },
  'demand.pendingReassign': {
    zh: '需求“{{title}}”尚未受理：请先交办',
    en: "demand '{{title}}' is pending: assign it first",
  },
  'demand.deadlineFixed': {
    zh: '需求“{{title}}”当前为“{{status}}”，办结时限不再变动',
    en: "demand '{{title}}' is {{code}}: its deadline no longer changes",
  },
  'demand.extensionPending': {
    zh: '需求“{{title}}”已有延期申请（延至 {{date}}）待审批',
    en: "demand '{{title}}' already has an extension request to {{date}} waiting for a decision",
  },
  'demand.noExtension': {
    zh: '需求“{{title}}”没有待审批的延期申请',
    en: "demand '{{title}}' has no extension request waiting for a decision",
  },
  'demand.extensionNotLater': {
    zh: '须晚于当前办结时限（{{date}}）',
    en: 'must be after the current due date ({{date}})',
  },
  'demand.otherEnterprise': {
    zh: '所选需求不是该企业的需求',
    en: 'the demand is another enterprise’s',
  },
  'move.statusMissing': {
    zh: '该需求的状态尚未同步到本机，暂不能办理',
    en: "this demand's status has not arrived yet (its record is still to come by sync): no move until it has",
  },
  'move.notAllowed': {
    zh: '需求{{from}}，不能改为“{{to}}”',
    en: "cannot move a demand from '{{fromCode}}' to '{{toCode}}'; {{allowed}}",
  },
  'move.needsNote': {
    zh: '从“{{from}}”改为“{{to}}”需要填写说明',
    en: "moving from '{{fromCode}}' to '{{toCode}}' needs a note",
  },
  'move.closureType': { zh: '办结需选择办结类型', en: 'closing needs a closure type' },
  'move.resolution': { zh: '办结需填写办理结果', en: 'closing needs a resolution' },
  'move.assignee': { zh: '交办需指定承办人', en: 'assigning a demand needs an assignee' },
  'move.beforePrevious': {
    zh: '不能早于上一步（{{at}}）',
    en: 'cannot be before the previous step ({{at}})',
  },
  'move.closingNoFollowup': {
    zh: '销号需企业确认：反馈后尚未回访（回访满意或基本满意后方可销号，督办负责人除外）',
    en: 'only a supervisor can close a demand without a follow-up, done after it was answered, that found the enterprise satisfied or mostly satisfied: no follow-up has been done since it was answered{{since}}',
  },
  'move.closingDissatisfied': {
    zh: '销号需企业确认：反馈后的回访企业不满意',
    en: 'only a supervisor can close a demand without a follow-up, done after it was answered, that found the enterprise satisfied or mostly satisfied: the follow-up since the answer found the enterprise dissatisfied',
  },
  'move.closingNoSatisfaction': {
    zh: '销号需企业确认：反馈后的回访未记录满意度',
    en: 'only a supervisor can close a demand without a follow-up, done after it was answered, that found the enterprise satisfied or mostly satisfied: the follow-up since the answer has no satisfaction recorded',
  },
  // Written into a demand's history: Chinese, the bureau's data language.
  'note.reopenDissatisfied': {
    zh: '回访不满意，重新办理',
    en: 'dissatisfied follow-up: handled again',
  },
  'note.redoneWithoutNote': {
    zh: '重做同步冲突中被覆盖的操作（原操作未填写说明）',
    en: 'redone after a sync conflict (the original move had no note)',
  },
  'activity.heldNeedsAttendance': {
    zh: '已举办的活动须填写参加企业或参加人次',
    en: 'a held activity needs its enterprises or its attendees',
  },

  // Settings, calendar, targets.
  'calendar.date': {
    zh: '“{{date}}”不是有效日期（格式为 年-月-日）',
    en: "'{{date}}' is not a calendar date YYYY-MM-DD",
  },
  'calendar.year': { zh: '{{date}} 不在 {{year}} 年内', en: '{{date}} is outside the year {{year}}' },
  'calendar.twice': { zh: '{{date}} 重复列出', en: '{{date}} is listed twice' },
  'calendar.both': {
    zh: '{{date}} 不能既是放假日又是调休上班日',
    en: '{{date}} is listed both as a holiday and as a workday',
  },
  'list.blank': { zh: '第 {{n}} 项为空', en: 'entry {{n}} is blank' },
  'industries.inStandard': {
    zh: '“{{item}}”已在国民经济行业分类中',
    en: '“{{item}}” is already in the standard (GB/T 4754-2017)',
  },
  'staff.mergeSelf': { zh: '这是要保留的人员，不能并入自己', en: 'is the staff member being kept' },
  'filter.flag': { zh: '应为“是”或“否”，不是“{{value}}”', en: "expects true or false, not '{{value}}'" },
  'list.twice': { zh: '“{{item}}”重复', en: '“{{item}}” is listed twice' },

  // Sync.
  'team.passphraseShort': {
    zh: '口令至少需要 {{n}} 个字符',
    en: 'must have at least {{n}} characters',
  },
  'team.notACode': {
    zh: '不是走访台账的团队码（团队码以 VLT1. 开头）',
    en: 'is not a Visit Ledger team code (it starts with VLT1.)',
  },
  'team.wrongPassphrase': { zh: '口令与此团队码不符', en: 'does not match this team code' },
  'team.none': {
    zh: '本机尚未加入同步团队：请创建团队，或用团队码加入',
    en: 'this device is in no sync team yet: create one or join one with a team code',
  },

  // Backups.
  'backup.exists': { zh: '{{path}} 已存在', en: '{{path}} already exists' },
  'backup.checksum': {
    zh: '文件已损坏：内容与备份时记录的校验值不符，无法恢复',
    en: 'is damaged: its content no longer matches the checksum written when it was taken, so it cannot be restored',
  },
  'backup.decompress': {
    zh: '文件已损坏：无法解压（{{detail}}），无法恢复',
    en: 'is damaged: it does not decompress ({{detail}}), so it cannot be restored',
  },
  'backup.unreadable': { zh: '无法读取文件（{{detail}}）', en: 'cannot be read ({{detail}})' },
  'backup.unsound': {
    zh: '不是完好的数据库（{{detail}}），无法恢复',
    en: 'is not a sound database ({{detail}}): it cannot be restored',
  },
  'backup.notLedger': { zh: '不是走访台账的数据库', en: 'is not a Visit Ledger database' },
  'backup.newer': {
    zh: '来自更新版本的走访台账：请先升级本软件',
    en: 'comes from a newer version of Visit Ledger: update the app first',
  },
  'backup.inMemory': {
    zh: '内存数据库不能恢复',
    en: 'an in-memory database cannot be restored',
  },
  'backup.noneInMemory': { zh: '内存数据库没有备份', en: 'an in-memory database has no backups' },

  // Ledger import and export.
  'ledger.noMapping': { zh: '没有名为“{{name}}”的已保存列对应', en: "no saved mapping named '{{name}}'" },
  'ledger.columnBeyond': {
    zh: '第 {{col}} 列超出了最后一列（{{last}}）',
    en: 'column {{col}} is beyond the last column ({{last}})',
  },
  'ledger.noColumn': {
    zh: '表头中没有“{{target}}”列（现有：{{columns}}）',
    en: "no column '{{target}}' in the header row (columns: {{columns}})",
  },
  'ledger.notAField': {
    zh: '“{{field}}”不是此类导入的字段（可用：{{fields}}）',
    en: "'{{field}}' is not a field of a {{kind}} import (fields: {{fields}})",
  },
  'ledger.noHeaderText': {
    zh: '{{col}} 列没有表头文字，无法按它保存列对应',
    en: 'column {{col}} has no header text to save the mapping by',
  },
  'ledger.mapsNothing': { zh: '没有对应任何列', en: 'maps no column' },
  'ledger.pathAndContent': {
    zh: '文件路径和文件内容只能给一个',
    en: 'give either path or contentBase64, not both',
  },
  'ledger.noFile': { zh: '文件不存在：{{path}}', en: 'no such file: {{path}}' },
  'ledger.tooLarge': { zh: '文件超过 {{mb}} MB', en: 'the file is larger than {{mb}} MB' },
  'ledger.emptyContent': { zh: '文件是空的', en: 'is empty' },
  'ledger.giveFile': {
    zh: '请选择文件',
    en: 'give the file: path, or contentBase64 with fileName',
  },
  'ledger.unreadableWorkbook': {
    zh: '无法读取工作簿：{{detail}}',
    en: 'cannot read the workbook: {{detail}}',
  },
  'ledger.notXlsx': { zh: '不是有效的 .xlsx 文件', en: 'not a valid .xlsx file' },
  'ledger.badEncoding': { zh: '不是有效的文字编码名称', en: 'is not an encoding name' },
  'ledger.unknownEncoding': { zh: '不认识的文字编码：{{detail}}', en: '{{detail}}' },
  'ledger.password': {
    zh: '工作簿设有打开密码：请在 Excel/WPS 中取消密码后再导入',
    en: 'the workbook is password-protected: remove the password first',
  },
  'ledger.damaged': {
    zh: '文件已损坏或不是有效的 Excel/WPS 工作簿：{{detail}}',
    en: 'the workbook is damaged or not a workbook: {{detail}}',
  },
  'ledger.workbookTooLarge': {
    zh: '工作簿过大：{{what}}，请拆分后分批导入',
    en: 'the workbook is too large ({{what}}): split it and import the parts',
  },
  'ledger.missingColumns': {
    zh: '缺少必填列：{{labels}}',
    en: 'required columns are not mapped: {{labels}}',
  },
  'ledger.mustXlsx': { zh: '文件名须以 .xlsx 结尾', en: 'must end with .xlsx' },
  'ledger.unknownExportColumn': {
    zh: '不认识的列“{{key}}”（可用：{{columns}}）',
    en: "unknown column '{{key}}' for {{kind}} (columns: {{columns}})",
  },
  'ledger.mustXlsxOrCsv': {
    zh: '文件名须以 .xlsx 或 .csv 结尾（现在是“{{ext}}”）',
    en: "must end with .xlsx or .csv (got '{{ext}}')",
  },
  'ledger.extVsFormat': {
    zh: '文件扩展名 {{ext}} 与格式“{{format}}”不符',
    en: "ends with {{ext}} but format is '{{format}}'",
  },
  'ledger.noFolder': { zh: '文件夹不存在：{{dir}}', en: 'no such folder: {{dir}}' },
  'ledger.noSheet': {
    zh: '没有名为“{{sheet}}”的工作表（现有：{{sheets}}）',
    en: "no sheet named '{{sheet}}' (sheets: {{sheets}})",
  },
  'ledger.noData': { zh: '文件中没有数据', en: 'the file holds no data' },
  'ledger.headerRowEmpty': {
    zh: '第 {{row}} 行为空或超出了数据范围',
    en: 'row {{row}} is empty or beyond the data',
  },
  'ledger.noHeader': {
    zh: '找不到表头：前 30 行中没有可识别的列名（如 企业名称、走访日期）{{where}}',
    en: 'no header row found in the first 30 rows{{where}}',
  },
  'ledger.twoTables': {
    zh: '工作表“{{sheet}}”中并排放着两个表格（{{spans}}）：请把其中一个移到另一个工作表，或分别导入',
    en: "sheet '{{sheet}}' holds two tables side by side ({{spans}}): move one to another sheet, or import them one by one",
  },

  // Reports.
  'report.mustExt': {
    zh: '文件名须以 .{{format}} 结尾（现在是“{{ext}}”）',
    en: "must end with .{{format}} for format '{{format}}' (got '{{ext}}')",
  },
  'report.periodNotStarted': {
    zh: '期间尚未开始（今天是 {{today}}）：“{{period}}”',
    en: "the period begins after today, {{today}}: '{{period}}'",
  },
  'report.periodRequired': { zh: '必填：期间', en: 'give a period' },
  'report.periodOrQuarter': {
    zh: '必填：期间或季度',
    en: 'give a period or a quarter',
  },
  'report.periodAndQuarter': {
    zh: '期间与季度只能给一个',
    en: 'give period or quarter, not both',
  },
  'report.needsKey': { zh: '“{{figure}}”需要指定分项', en: '{{figure}} needs a key' },
  'report.noTown': {
    zh: '没有企业在这个镇街（{{town}}）',
    en: "no enterprise is in the town '{{town}}'",
  },
  'report.oneScope': {
    zh: '只能按一个范围统计（人员、镇街或承办单位）',
    en: 'give one of staffId, town, unitId, not {{given}}',
  },
  'period.quarter': { zh: '季度应为 Q1 至 Q4，得到“{{text}}”', en: "a quarter is Q1 to Q4, got '{{text}}'" },
  'period.half': { zh: '半年应为 H1 或 H2，得到“{{text}}”', en: "a half year is H1 or H2, got '{{text}}'" },
  'period.month': { zh: '月份应为 01 至 12，得到“{{text}}”', en: "a month is 01 to 12, got '{{text}}'" },
  'period.noDate': { zh: '日期不存在：“{{date}}”', en: "no such date: '{{date}}'" },
  'period.reversed': {
    zh: '结束日期早于开始日期：“{{text}}”',
    en: "the range ends before it starts: '{{text}}'",
  },
  'period.tooLong': { zh: '日期范围超过5年：“{{text}}”', en: "a range is at most 5 years: '{{text}}'" },
  'period.format': {
    zh: '期间格式应为 2026-08、2026Q3、2026H1、2026 或 2026-01-01..2026-08-31，得到“{{text}}”',
    en: "period must look like 2026-08, 2026Q3, 2026H1, 2026 or 2026-01-01..2026-08-31, got '{{text}}'",
  },

  // Sync: folders, files, conflicts, orphans, held changes.
  'sync.noFolder': {
    zh: '文件夹 {{path}} 不存在：请连接共享盘，或先建立该文件夹',
    en: 'the folder {{path}} does not exist: connect the shared drive, or create the folder first',
  },
  'sync.folderUnusable': { zh: '无法使用此文件夹：{{detail}}', en: 'cannot use this folder: {{detail}}' },
  'sync.inFile': { zh: '文件 {{file}}：{{problem}}', en: '{{file}}: {{problem}}' },
  'sync.exportedAnyway': {
    zh: '{{problem}}（本机的修改仍已导出为 {{file}}）',
    en: "{{problem}} (this laptop's changes were exported all the same, as {{file}})",
  },
  'sync.unreadable': { zh: '无法读取文件：{{detail}}', en: 'cannot read the file: {{detail}}' },
  'sync.giveFile': { zh: '请选择同步文件', en: 'give the file as path or contentBase64' },
  'sync.massDelete': {
    zh: '此次导入将删除{{whatZh}}：确认后才会导入',
    en: 'this import would delete {{what}}: confirm to import it anyway',
  },
  'sync.empty': {
    zh: '文件是空的：不是走访台账的同步文件',
    en: 'the file is empty: it is not a Visit Ledger sync file',
  },
  'sync.truncated': {
    zh: '同步文件不完整（复制未完成？）',
    en: 'the sync file is cut short (incomplete copy?)',
  },
  'sync.notSyncFile': {
    zh: '这不是走访台账的同步文件（.vlsync）',
    en: 'this is not a Visit Ledger sync file (.vlsync)',
  },
  'sync.damagedHeader': {
    zh: '同步文件已损坏（文件头无法读取）',
    en: 'the sync file is damaged (its header is unreadable)',
  },
  'sync.extraBytes': {
    zh: '同步文件末尾有多余内容：文件被改动过',
    en: 'the sync file has extra bytes at its end: it was altered',
  },
  'sync.wrongTeam': {
    zh: '此同步文件属于另一个团队（{{theirs}}），不是本机所在的团队（{{ours}}）',
    en: "this sync file belongs to another team ({{theirs}}), not to this laptop's team ({{ours}})",
  },
  'sync.authFailed': {
    zh: '同步文件已损坏或被改动（或团队口令已更换）：未通过校验',
    en: 'the sync file is damaged or was altered (or the team passphrase changed): it fails its authentication check',
  },
  'sync.expandsTooMuch': {
    zh: '同步文件已损坏：其中一部分解压后超过 {{mb}} MB',
    en: 'the sync file is damaged: a part of it expands to more than {{mb}} MB once unpacked',
  },
  'sync.badContent': {
    zh: '同步文件可以打开，但内容无法识别',
    en: 'the sync file opens but its content is not understood',
  },
  'sync.mismatch': {
    zh: '同步文件与其清单不符（校验值或条数）',
    en: 'the sync file does not match its own manifest (checksum or count)',
  },
  'sync.newerSchema': {
    zh: '此同步文件来自更新版本的走访台账（数据结构 {{theirs}}，本机 {{ours}}）：请先升级本软件',
    en: 'this sync file comes from a newer version of Visit Ledger (schema {{theirs}}, this app has {{ours}}): update the app to import it',
  },
  'sync.newerFormat': {
    zh: '此同步文件来自更新版本的走访台账：请先升级本软件',
    en: 'this sync file was written by a newer version of Visit Ledger (a newer file format): update the app to import it',
  },
  'sync.malformed': {
    zh: '同步文件的第 {{n}} 条修改格式有误',
    en: 'change {{n}} of the sync file is malformed',
  },
  // What an import noticed (said inside the sync screen's own sentence about it).
  'anomaly.clockAhead': {
    zh: '“{{device}}”有 {{n}} 条修改的时间晚至 {{at}}',
    en: '{{device}} stamped {{n}} change{{s}} up to {{at}}, more than 24 h ahead of this machine: its clock is probably wrong, so they are held until you accept or discard them',
  },
  'anomaly.unknownField': {
    zh: '已跳过对未知字段 {{field}} 的修改',
    en: 'changes to unknown field {{field}} were skipped',
  },
  'anomaly.malformedStamp': {
    zh: '同步文件中第 {{positions}} 条修改的时间戳格式有误，已跳过；其余已导入',
    en: '{{what}} {{positions}}{{more}} of the sync file {{verb}} a malformed clock stamp and {{was}} skipped; the rest was imported',
  },
  'anomaly.deviceCode': {
    zh: '{{names}} 与本机“{{me}}”都使用前缀 {{code}}',
    en: "device {{names}} and this laptop ('{{me}}') both number visits with code {{code}}: {{outcome}}",
  },
  'anomaly.visitNoReused': {
    zh: '{{n}} 个走访编号被重复发出：{{shown}}',
    en: '{{n}} visit number(s) were issued twice, by laptops with the same code: {{shown}}',
  },
  'conflict.moveGone': {
    zh: '被取代的办理步骤已不在该需求的办理记录中',
    en: "the superseded move is no longer in the demand's history",
  },
  'conflict.resolved': { zh: '此冲突已经处理过了', en: 'this conflict has already been resolved' },
  'conflict.workflowField': {
    zh: '需求的“{{field}}”只能通过办理流程改变：请办理该需求',
    en: "a demand's {{field}} changes only through its workflow (with its checks and a history entry): move the demand instead",
  },
  'orphan.notOrphan': { zh: '此记录不是孤立记录：其上级记录仍在', en: 'is no orphan: its parent is live' },
  'orphan.severalParents': {
    zh: '此记录有多个已删除的上级记录：请指定哪一个',
    en: 'the record has more than one deleted parent: say which one',
  },
  'orphan.giveParent': { zh: '请选择要挂靠的记录', en: 'give the record to re-attach it to' },
  'orphan.notDeletedHere': {
    zh: '此类记录（{{kind}}）不在这里删除',
    en: 'records of kind {{kind}} are not deleted here',
  },
  'orphan.merged': {
    zh: '“{{parent}}”已被合并到另一条记录：请改为挂靠到那条记录',
    en: "'{{parent}}' was merged into another record: re-attach to it instead",
  },
  'quarantine.cannotCreate': {
    zh: '本机没有这条{{kind}}记录（{{id}}），仅凭这些修改无法建立：请连同它暂存的其他修改一起接受',
    en: 'the {{kind}} record {{id}} does not exist here and these changes alone cannot create it: accept its other held changes with them',
  },

  // Lists.
  'list.notFilterable': {
    zh: '列表不能按“{{field}}”筛选或排序',
    en: "lists cannot filter or sort by '{{field}}'",
  },
  'list.unknownField': {
    zh: '不认识的字段“{{field}}”',
    en: "unknown field '{{field}}' (known: {{known}})",
  },
  'list.hasOnLists': { zh: '“包含”只适用于多选字段', en: "'has' applies only to list fields" },

  // The core's own faults and the doors.
  'call.unknownMethod': { zh: '没有这个操作“{{method}}”', en: "unknown method '{{method}}'" },
  'call.asyncOnly': {
    zh: '“{{method}}”是后台任务，须以异步方式调用',
    en: "'{{method}}' is asynchronous: this door must call it through callAsync()",
  },
  'call.busy': {
    zh: '正在执行“{{job}}”，请稍后再试',
    en: 'a {{job}} is running: try again when it ends',
  },
  internal: { zh: '程序内部错误：{{detail}}', en: '{{detail}}' },
});

export type MessageKey = keyof typeof MESSAGES;

/** A parameter that is said in the message's language too: an enum value, or another message. */
export type SaidParam = { group: LabelGroup; value: string } | Msg;
export type MessageParams = Record<string, string | number | SaidParam>;

/** What to say, in no language yet. JSON: it travels in an error's details. */
export interface Msg {
  key: MessageKey;
  params?: MessageParams;
}

export const msg = (key: MessageKey, params?: MessageParams): Msg => (params ? { key, params } : { key });

/** An enum value as a message parameter ({ group: 'demandStatus', value: 'closed' }). */
export const label = (group: LabelGroup, value: string): SaidParam => ({ group, value });

/** A demand's status as {{status}} (its words) and {{code}} (the English message's code). */
export const statusParams = (code: string) => ({ status: label('demandStatus', code), code });

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(MESSAGES, key);
}

function param(lang: Lang, p: string | number | SaidParam): string {
  if (typeof p !== 'object') return String(p);
  if ('key' in p) return say(lang, p);
  return wordsOf(p.group, p.value)?.[lang] ?? p.value;
}

/** A message in one language; an unknown key is said as itself so nothing is hidden. */
export function say(lang: Lang, m: Msg): string {
  if (!isMessageKey(m.key)) return String(m.key);
  const params = m.params ?? {};
  return MESSAGES[m.key][lang].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? param(lang, params[name]!) : whole,
  );
}

/** A schema's message (zod's `message`): the English, which the core maps back to its key. */
export const schemaMessage = (key: MessageKey): string => MESSAGES[key].en;

/** Chinese, the bureau's data language: what the core writes into records. */
export const sayZh = (m: Msg): string => say('zh', m);
