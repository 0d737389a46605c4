import type { Seeder } from './context';

// 督办 in the demo: on its last day a supervisor puts the most overdue open demands under
// supervision (the worst ones 挂牌督办 by the district) and urges them (催办), and units report
// on some of the demands they lead, as a colleague records it: the board's 督办 filter and
// counts, "my tasks" and the timelines have something to show.

const SUPERVISION_NOTES = ['逾期时间较长，请承办单位加快办理', '企业多次反映，列入局督办事项'];
const DISTRICT_NOTE = '区领导批示，挂牌督办，请于一周内办结并报送办理情况';
const URGE_NOTE = '请于本周五前反馈办理进展';
const UNIT_REPLY_NOTES = [
  '已与企业对接，正在协调解决，预计下周答复',
  '已现场查看，相关材料正在审核',
  '相关政策已向企业解读，待企业补充申报材料',
  '已列入本单位重点事项，明确专人办理',
];

export function superviseOverdue(s: Seeder): void {
  const [lead, second] = s.supervisors;
  const board = s.api('demands.openBoard', {});
  // The board lists the overdue first, the longest overdue first among them.
  const worst = board.rows.filter((d) => d.overdue).slice(0, 3 + s.scale);
  if (worst.length) {
    const district = worst.slice(0, Math.max(1, Math.floor(worst.length / 4))).map((d) => d.id);
    const bureau = worst.slice(district.length).map((d) => d.id);
    s.as(lead!, () => {
      s.api('demands.supervise', { ids: district, level: 'district', note: DISTRICT_NOTE });
      bureau.forEach((id, i) =>
        s.api('demands.supervise', {
          ids: [id],
          level: 'bureau',
          note: SUPERVISION_NOTES[i % SUPERVISION_NOTES.length]!,
        }),
      );
      s.api('demands.urge', { ids: worst.map((d) => d.id), note: URGE_NOTE });
    });
  }

  // A colleague takes the units' calls: the replies wait for the demands' handlers ("me" first).
  const recorder = second ?? lead!;
  const replied = board.rows
    .filter(
      (d) => d.status === 'in_progress' && d.leadUnitId && !d.overdue && d.assigneeStaffId !== recorder.id,
    )
    .sort((a, b) => Number(b.assigneeStaffId === s.me.id) - Number(a.assigneeStaffId === s.me.id))
    .slice(0, 3 + s.scale);
  s.as(recorder, () =>
    replied.forEach((d, i) =>
      s.api('demands.unitReply', {
        id: d.id,
        unitId: d.leadUnitId!,
        note: UNIT_REPLY_NOTES[i % UNIT_REPLY_NOTES.length]!,
      }),
    ),
  );
}
