// 服务活动: one event the bureau holds (宣讲, 培训, 对接会…), with the enterprises that took part.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, Name, optText } from './validators';

const ids = (max: number) =>
  z
    .array(Id)
    .max(max)
    .refine((a) => new Set(a).size === a.length, m('field.repeat'))
    .optional();

export const activities = defineKind({
  table: 'activities',
  zh: '服务活动',
  en: 'Activities',
  fields: {
    type: {
      input: z.enum(ACTIVITY_TYPES),
      sql: 'text',
      zh: '活动类型',
      en: 'Type',
      enum: 'activityType',
      export: { cell: 'enum', header: '类型' },
      words: { words: ['活动类型', '活动形式', '活动类别', 'activity type'], weak: ['类型', '形式', 'type'] },
    },
    date: {
      input: CalendarDate,
      sql: 'text',
      zh: '活动日期',
      en: 'Date',
      export: { cell: 'date', header: '日期' },
      words: {
        words: ['活动日期', '活动时间', '举办日期', '举办时间', '开展时间', '开展日期', 'activity date'],
        weak: ['日期', '时间', 'date'],
      },
    },
    title: {
      input: Name,
      sql: 'text',
      zh: '活动名称',
      en: 'Title',
      search: true,
      export: 'text',
      // No generic words: 名称 alone is an enterprise's name in most ledgers.
      words: { words: ['活动名称', '活动主题', '会议名称', '活动内容', '活动', 'activity', 'title'] },
    },
    place: {
      input: optText(200),
      sql: 'text',
      zh: '地点',
      file: '活动地点',
      en: 'Place',
      search: true,
      export: 'text',
      words: { words: ['活动地点', '举办地点', '地点', 'place', 'venue'] },
    },
    organizerStaffIds: {
      ref: 'staff',
      input: ids(20),
      sql: 'json',
      zh: '组织人员',
      en: 'Organisers',
      export: 'custom',
      words: { words: ['组织人员', '组织者', '活动负责人', '承办人员', 'organisers', 'organizers'] },
    },
    expertIds: {
      ref: 'experts',
      input: ids(50),
      sql: 'json',
      zh: '参加专家',
      en: 'Experts',
      export: 'custom',
    },
    enterpriseIds: {
      ref: 'enterprises',
      input: ids(500),
      sql: 'json',
      zh: '参加企业',
      en: 'Enterprises',
      export: 'custom',
      words: {
        words: ['参加企业', '参会企业', '参与企业', '参加单位', '参会单位', '企业名单', 'enterprises'],
        weak: ['企业', '单位'],
      },
    },
    attendees: {
      input: z.number().int().min(0).max(1_000_000).nullable().optional(),
      sql: 'int',
      zh: '参加人次',
      en: 'Attendees',
      export: 'number',
      words: { words: ['参加人次', '参会人次', '受益人次', '参加人数', '参会人数', '人次', 'attendees'] },
    },
    summary: {
      input: optText(10_000),
      sql: 'text',
      zh: '活动情况',
      en: 'Summary',
      search: true,
      export: 'text',
      words: { words: ['活动情况', '活动简介', '活动概况', '情况说明', 'summary'], weak: ['内容', '情况'] },
    },
    status: {
      input: z.enum(ACTIVITY_STATUSES).optional(),
      sql: 'text',
      zh: '状态',
      file: '活动状态',
      en: 'Status',
      enum: 'activityStatus',
      export: 'enum',
      words: { words: ['活动状态', '举办状态', 'status'], weak: ['状态'] },
    },
  },
  derived: {
    enterpriseCount: {
      output: z.number().nullable().optional(),
      sql: 'int',
      zh: '企业数',
      en: 'Enterprises',
    },
  },
  defaultSort: { field: 'date', dir: 'desc' },
});
