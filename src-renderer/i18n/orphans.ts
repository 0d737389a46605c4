// The Sync screen's orphans section (孤立记录), and the sides of a conflict lost to a delete.
import { defineWords } from './words';

export default defineWords({
  orphans: {
    title: { zh: '孤立记录', en: 'Orphaned records' },
    none: { zh: '没有孤立记录。', en: 'No orphaned records.' },
    intro: {
      zh: '以下记录所属的上级记录已被删除或已合并（通常是另一台电脑在同步前删除或合并了它）。请重新关联到其他记录、删除这些记录，或恢复上级记录。处理结果会同步到其他电脑。',
      en: 'The record these belong under was deleted or merged away (usually on another laptop before the files were exchanged). Re-attach them to another record, delete them, or restore the record above them. What you do syncs to the other laptops.',
    },
    record: { zh: '记录', en: 'Record' },
    parent: { zh: '上级记录', en: 'Belongs under' },
    reason: { zh: '情况', en: 'What happened' },
    deleted: { zh: '已删除', en: 'deleted' },
    merged: { zh: '已合并', en: 'merged away' },
    reattach: { zh: '重新关联', en: 'Re-attach' },
    reattachTo: { zh: '关联到', en: 'Attach to' },
    confirm: { zh: '确定', en: 'Confirm' },
    cancel: { zh: '取消', en: 'Cancel' },
    delete: { zh: '删除', en: 'Delete' },
    deleteConfirm: { zh: '删除{{kind}}“{{name}}”？', en: 'Delete the {{kind}} "{{name}}"?' },
    restoreParent: { zh: '恢复上级', en: 'Restore the parent' },
    restoreConfirm: {
      zh: '恢复已删除的{{kind}}“{{name}}”？',
      en: 'Restore the deleted {{kind}} "{{name}}"?',
    },
    enterpriseDeleted: { zh: '企业已删除', en: 'enterprise deleted' },
    handle: { zh: '在“同步”页的孤立记录中处理', en: 'Handle it under Orphaned records on the Sync screen' },
    done: { zh: '已处理孤立记录', en: 'Orphaned record handled' },
  },
  deleteConflict: {
    deleted: { zh: '已删除（{{by}}，{{at}}）', en: 'Deleted ({{by}}, {{at}})' },
  },
});
