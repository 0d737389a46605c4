// Experts (专家库).
import { defineWords } from './words';

export default defineWords({
  expert: {
    new: { zh: '新增专家', en: 'New expert' },
    edit: { zh: '编辑专家', en: 'Edit expert' },
    empty: { zh: '专家库是空的。', en: 'No experts yet.' },
    name: { zh: '姓名', en: 'Name' },
    organization: { zh: '单位', en: 'Organisation' },
    title: { zh: '职称', en: 'Title' },
    speciality: { zh: '专业方向', en: 'Speciality' },
    phone: { zh: '电话', en: 'Phone' },
  },
});
