// Staff (人员).
import { defineWords } from './words';

export default defineWords({
  staff: {
    new: { zh: '新增人员', en: 'New staff member' },
    edit: { zh: '编辑人员', en: 'Edit staff member' },
    empty: {
      zh: '还没有人员。先添加自己，再到“设置”中选择“本人”。',
      en: 'No staff yet. Add yourself first, then choose “me” in Settings.',
    },
    name: { zh: '姓名', en: 'Name' },
    role: { zh: '角色', en: 'Role' },
    position: { zh: '职务', en: 'Position' },
    phone: { zh: '电话', en: 'Phone' },
    active: { zh: '在岗', en: 'Active' },
    activeLabel: { zh: '在岗（可被选为牵头人、承办人）', en: 'Active (can lead visits and handle demands)' },
  },
});
