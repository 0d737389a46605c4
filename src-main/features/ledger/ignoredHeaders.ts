// Headers that are known but imported into nothing (row numbers, the app's own computed
// columns in its exports, the reason column of a rejects report). They still help find the
// header row, and they keep their column from being matched to a field by a part of their
// text ("需求数" is not the demands column). Matching ignores case, spaces, punctuation, width
// and "(必填)"-style notes. The words of the columns that do import are their fields' own
// (fields.ts; most of them are declared with their field in @shared/model).
export const IGNORED_HEADERS = [
  '序号',
  '编号',
  '序列号',
  '行号',
  'no',
  'no.',
  '#',
  '走访编号',
  '需求数',
  '需求件数',
  '录入时间',
  '创建时间',
  '更新时间',
  '最近走访日期',
  '未办结需求数',
  '是否超期',
  '超期',
  '剩余天数',
  '导入失败原因',
  '原行号',
];
