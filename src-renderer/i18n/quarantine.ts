// The Sync screen's section of changes held for being stamped far in the future (待确认的未来时间修改).
import { defineWords } from './words';

export default defineWords({
  quarantine: {
    title: { zh: '待确认的未来时间修改', en: 'Changes stamped in the future' },
    intro: {
      zh: '这些修改的时间比本机时钟快一天以上，多半是发来文件的电脑时钟不准，因此暂未生效。接受：以本机当前时间重新记为本机的修改，并随下次同步发出；丢弃：不再保留。',
      en: 'These changes are stamped more than a day ahead of this laptop’s clock, most likely by a laptop whose clock is wrong, so they are not applied yet. Accept: written again now as an edit of this laptop, sent with the next sync. Discard: dropped.',
    },
    none: { zh: '没有待确认的修改。', en: 'No change waits for confirmation.' },
    device: { zh: '来自设备', en: 'From' },
    record: { zh: '记录', en: 'Record' },
    field: { zh: '字段', en: 'Field' },
    value: { zh: '新值', en: 'New value' },
    stampedAt: { zh: '标记的时间', en: 'Stamped at' },
    accept: { zh: '接受', en: 'Accept' },
    discard: { zh: '丢弃', en: 'Discard' },
    acceptAll: { zh: '全部接受', en: 'Accept all' },
    discardAll: { zh: '全部丢弃', en: 'Discard all' },
    discardConfirm: {
      zh: '丢弃后这 {{count}} 项修改不再保留，确定丢弃吗？',
      en: 'Discard these {{count}} changes? They are not kept.',
      en_one: 'Discard this change? It is not kept.',
    },
    accepted: {
      zh: '已接受 {{count}} 项修改',
      en: '{{count}} changes accepted',
      en_one: '1 change accepted',
    },
    discarded: {
      zh: '已丢弃 {{count}} 项修改',
      en: '{{count}} changes discarded',
      en_one: '1 change discarded',
    },
  },
});
