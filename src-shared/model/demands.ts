// 需求台账: what enterprises ask of the bureau, and how it is handled.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import {
  CLOSURE_TYPES,
  DEMAND_CATEGORIES,
  DEMAND_LEVELS,
  DEMAND_SOURCES,
  DEMAND_STATUSES,
  SUPERVISION_LEVELS,
} from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, Instant, Name, optText } from './validators';

const nullableText = z.string().nullable();
const lookedUp = z.string().nullable().optional();

/** A pending 延期申请: the date asked for, why, who asked and when. */
export const ExtensionRequest = z.object({
  dueDate: z.string(),
  reason: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});
/** 督办 / 挂牌督办: since when, by whom, and why. */
export const Supervision = z.object({
  level: z.enum(SUPERVISION_LEVELS),
  since: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
});

export const demands = defineKind({
  table: 'demands',
  zh: '需求台账',
  en: 'Demands',
  fields: {
    enterpriseId: {
      ref: 'enterprises',
      parent: true,
      input: Id,
      sql: 'text',
      zh: '企业',
      en: 'Enterprise',
      search: true,
      findBy: true,
    },
    source: {
      input: z.enum(DEMAND_SOURCES).optional(),
      sql: 'text',
      zh: '来源',
      file: '需求来源',
      en: 'Source',
      enum: 'demandSource',
      export: 'enum',
      words: { words: ['需求来源', '诉求来源', '来源', 'source'] },
    },
    sourceVisitId: { input: Id.nullable().optional(), sql: 'text', zh: '来源走访', en: 'Source visit' },
    sourceClinicId: { input: Id.nullable().optional(), sql: 'text', zh: '来源会诊', en: 'Source clinic' },
    sourceActivityId: {
      ref: 'activities',
      input: Id.nullable().optional(),
      sql: 'text',
      zh: '来源活动',
      en: 'Source activity',
    },
    categories: {
      input: z
        .array(z.enum(DEMAND_CATEGORIES))
        .min(1, m('field.categories'))
        .max(4, m('field.categories'))
        .refine((a) => new Set(a).size === a.length, m('field.repeatCategory')),
      sql: 'json',
      zh: '需求类别',
      en: 'Categories',
      enum: 'demandCategory',
      export: 'enumList',
      words: {
        words: [
          '需求类型',
          '需求类别',
          '需求分类',
          '问题类型',
          '问题类别',
          '诉求类型',
          '诉求类别',
          'category',
          'categories',
        ],
        weak: ['类别', '类型', '分类'],
      },
    },
    title: {
      input: Name,
      sql: 'text',
      zh: '需求标题',
      en: 'Demand title',
      search: true,
      findBy: true,
      export: 'text',
      words: {
        words: [
          '需求内容',
          '诉求内容',
          '需求标题',
          '需求事项',
          '诉求事项',
          '需求名称',
          '企业需求',
          '企业诉求',
          '需求',
          '诉求',
          '问题描述',
          '存在问题',
          'title',
          'demand',
        ],
        weak: ['问题', '事项', '内容'],
      },
    },
    description: {
      input: optText(),
      sql: 'text',
      zh: '需求描述',
      en: 'Description',
      search: true,
      export: 'text',
      words: {
        words: [
          '需求描述',
          '详细描述',
          '具体情况',
          '需求详情',
          '问题详情',
          '具体内容',
          '详细情况',
          'description',
          'details',
        ],
      },
    },
    level: {
      input: z.enum(DEMAND_LEVELS).optional(),
      sql: 'text',
      zh: '层级',
      file: '需求层级',
      en: 'Level',
      enum: 'demandLevel',
      export: 'enum',
      words: { words: ['需求层级', '解决层级', '办理层级', '层级', '级别', 'level'] },
    },
    assigneeStaffId: {
      ref: 'staff',
      input: Id.nullable().optional(),
      sql: 'text',
      zh: '承办人',
      en: 'Assignee',
      words: { words: ['承办人', '经办人', '办理人', '责任人', '交办对象', '负责人', 'assignee'] },
    },
    leadUnitId: {
      ref: 'units',
      input: Id.nullable().optional(),
      sql: 'text',
      zh: '主办单位',
      en: 'Lead unit',
      // Ledgers name the one unit handling a demand in many ways; all of them mean the lead unit.
      words: {
        words: [
          '主办单位',
          '责任单位',
          '承办单位',
          '办理单位',
          '承办部门',
          '责任部门',
          '牵头单位',
          '主办部门',
          'lead unit',
          'responsible unit',
        ],
      },
    },
    coUnitIds: {
      ref: 'units',
      input: z
        .array(Id)
        .max(20)
        .refine((a) => new Set(a).size === a.length, m('field.repeatUnit'))
        .optional(),
      sql: 'json',
      zh: '协办单位',
      en: 'Co-handling units',
      words: { words: ['协办单位', '协办部门', '配合单位', '配合部门', 'co-handling units', 'co units'] },
    },
    responsibleUnit: {
      input: optText(200),
      sql: 'text',
      zh: '责任单位',
      file: '承办单位',
      en: 'Responsible unit',
      search: true,
      export: 'text',
    },
    receivedAt: {
      input: Instant.optional(),
      sql: 'text',
      zh: '受理时间',
      en: 'Received',
      export: 'instant',
      words: {
        words: [
          '受理时间',
          '受理日期',
          '提出时间',
          '提出日期',
          '收集时间',
          '收集日期',
          '登记时间',
          '登记日期',
          '反映时间',
          'received',
          'received at',
        ],
      },
    },
    complex: {
      input: z.boolean().optional(),
      sql: 'bool',
      zh: '复杂事项',
      file: '复杂需求',
      en: 'Complex',
      export: 'bool',
      words: { words: ['复杂需求', '是否复杂', '复杂', 'complex'] },
    },
    dueDate: {
      input: CalendarDate.optional(),
      sql: 'text',
      zh: '办结时限',
      file: '办理期限',
      en: 'Due date',
      export: 'date',
      words: {
        words: [
          '办理期限',
          '完成时限',
          '办结时限',
          '截止日期',
          '计划完成时间',
          '期限',
          '时限',
          'due date',
          'deadline',
        ],
      },
    },
    // Kept by the workflow (demands.transition), never written directly.
    /** Null while the demand's creation is still to come by sync (a later edit arrived first). */
    status: {
      output: z.enum(DEMAND_STATUSES).nullable(),
      sql: 'text',
      zh: '状态',
      file: '办理状态',
      en: 'Status',
      enum: 'demandStatus',
      export: 'enum',
      words: {
        words: ['办理状态', '需求状态', '处理状态', '办理进度', 'status', 'demand status'],
        weak: ['办结情况', '进展情况', '办理进展', '进度', '进展'],
      },
    },
    closureType: {
      output: z.enum(CLOSURE_TYPES).nullable(),
      sql: 'text',
      zh: '办结类型',
      file: '办结方式',
      en: 'Closure type',
      enum: 'closureType',
      export: 'enum',
      words: { words: ['办结方式', '办结类型', '解决方式', '解决情况', '办结类别', 'closure type'] },
    },
    closedAt: {
      output: nullableText,
      sql: 'text',
      zh: '办结时间',
      en: 'Closed',
      export: 'instant',
      words: { words: ['办结时间', '办结日期', '完成时间', '完成日期', '解决时间', '销号时间', 'closed at'] },
    },
    resolution: {
      output: nullableText,
      sql: 'text',
      zh: '办理结果',
      en: 'Resolution',
      export: 'text',
      words: {
        words: [
          '办理结果',
          '办理情况',
          '答复内容',
          '处理结果',
          '处理情况',
          '反馈意见',
          '解决措施',
          '办理意见',
          '答复意见',
          '反馈情况',
          'resolution',
        ],
      },
    },
    holdSince: { output: nullableText, sql: 'text', zh: '挂起开始', file: '挂起时间', en: 'On hold since' },
    onHoldDays: { output: z.number().nullable(), sql: 'int', zh: '挂起天数', en: 'Days on hold' },
    // Kept by the replay of the demand's history too (requestExtension, decideExtension, supervise).
    extension: {
      refIn: { by: 'staff' },
      output: ExtensionRequest.nullable(),
      sql: 'json',
      zh: '延期申请',
      en: 'Extension request',
      list: false,
      export: 'custom',
    },
    supervision: {
      refIn: { by: 'staff' },
      output: Supervision.nullable(),
      sql: 'json',
      zh: '督办',
      en: 'Supervision',
      list: false,
      export: 'custom',
    },
    // 阶段性答复: due when the demand is received (settings `sla`, working days), replied by the
    // first `reply` event or move to answered; both kept by the replay.
    firstReplyDue: {
      output: nullableText,
      sql: 'text',
      zh: '答复时限',
      en: 'First reply due',
      export: { cell: 'date', header: '首次答复期限' },
    },
    firstRepliedAt: {
      output: nullableText,
      sql: 'text',
      zh: '阶段性答复时间',
      en: 'First replied',
      export: { cell: 'instant', header: '首次答复时间' },
    },
  },
  derived: {
    enterpriseName: { output: lookedUp, sql: 'text', zh: '企业名称', en: 'Enterprise', export: 'text' },
    // The enterprise was deleted (on another laptop, typically): the demand is an orphan.
    enterpriseDeleted: {
      output: z.boolean().nullable().optional(),
      sql: 'bool',
      zh: '企业已删除',
      en: 'Enterprise deleted',
    },
    town: { output: lookedUp, sql: 'text', zh: '镇街', en: 'Town', export: 'text' },
    assigneeName: { output: lookedUp, sql: 'text', zh: '承办人', en: 'Assignee', export: 'text' },
    leadUnitName: { output: lookedUp, sql: 'text', zh: '主办单位', en: 'Lead unit', export: 'text' },
    /** The co-handling units' names, in the order of coUnitIds. */
    coUnitNames: {
      output: z.array(z.string()).nullable().optional(),
      sql: 'json',
      zh: '协办单位',
      en: 'Co-handling units',
      list: false,
      export: 'custom',
    },
    // The deadline flags: in SQL for filters, recomputed for records by domain/workflow.deadline.
    open: { sql: 'bool', zh: '未办结', en: 'Open' },
    overdue: {
      output: z.boolean(),
      sql: 'bool',
      zh: '超期',
      en: 'Overdue',
      export: { cell: 'bool', header: '是否超期' },
    },
    dueSoon: { output: z.boolean(), sql: 'bool', zh: '即将到期', en: 'Due soon' },
    /** Under supervision (督办): filters only, the record carries `supervision` itself. */
    supervised: { sql: 'bool', zh: '督办', en: 'Supervised' },
    /** The first reply came after its date, or has not come and its date has passed. */
    firstReplyLate: {
      output: z.boolean(),
      sql: 'bool',
      zh: '答复超期',
      en: 'First reply late',
      export: { cell: 'bool', header: '答复超期' },
    },
    effectiveDueDate: { output: z.string().nullable(), zh: '实际期限', en: 'Effective due date' },
    daysLeft: {
      output: z.number().nullable(),
      zh: '剩余天数',
      en: 'Days left',
      export: { cell: 'number', optional: true },
    },
  },
  defaultSort: { field: 'receivedAt', dir: 'desc' },
});
