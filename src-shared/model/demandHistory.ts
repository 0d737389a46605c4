// 办理记录: one event of a demand's handling (a workflow move, a note…), written by the demand
// service (no API of its own); a demand's status and the fields that go with it replay them.
import { z } from 'zod';
import { DEMAND_STATUSES } from '../domain/enums';
import { defineKind } from './define';

const nullableText = z.string().nullable();

export const demandHistory = defineKind({
  table: 'demand_history',
  zh: '办理记录',
  en: 'Demand history',
  fields: {
    demandId: {
      parent: { kind: 'demands', part: true },
      output: z.string(),
      sql: 'text',
      zh: '需求',
      en: 'Demand',
    },
    at: { output: z.string(), sql: 'text', zh: '时间', en: 'At' },
    by: { ref: 'staff', output: nullableText, sql: 'text', zh: '操作人', en: 'By' },
    from: {
      output: z.enum(DEMAND_STATUSES).nullable(),
      sql: 'text',
      zh: '原状态',
      en: 'From',
      enum: 'demandStatus',
    },
    to: { output: z.enum(DEMAND_STATUSES), sql: 'text', zh: '新状态', en: 'To', enum: 'demandStatus' },
    note: { output: nullableText, sql: 'text', zh: '说明', en: 'Note', search: true },
    /** Null on events written before events had a type: see eventType in domain/demandReplay. */
    type: { output: nullableText, sql: 'text', zh: '事件类型', en: 'Event type' },
    /** What the event carries (closure, due date…): HistoryEventData of domain/demandReplay. */
    data: {
      refIn: { assigneeStaffId: 'staff', leadUnitId: 'units', unitId: 'units' },
      output: z.record(z.string(), z.unknown()).nullable(),
      sql: 'json',
      zh: '事件内容',
      en: 'Event data',
      list: false,
    },
    /**
     * A move that lost its place in the replay of the demand's history: written by the replay
     * (features/demands/replay.ts), local like its other results and never synced.
     */
    superseded: { output: z.boolean(), sql: 'bool', zh: '已被取代', en: 'Superseded', sync: false },
  },
  defaultSort: { field: 'at', dir: 'asc' },
});

/** The narrative sections of a quarterly report, one record per quarter and scope. */
