// The demands of a visit written in one cell (kind visits_with_demands). Accepted forms, also
// in README.md:
//   - one demand per line, or several separated by ；/; when the next one starts with a
//     category label or a number ("技术攻关：需要检测设备；融资：贷款500万");
//   - each demand may start with a number: "1." "1、" "(1)" "①";
//   - then a category label: "技术攻关：…", "【融资】…", "[人才]…", several joined by 、
//     ("技术、人才：…"); a short label (≤ 8 characters) before a colon that is not a category
//     is an error rather than silently "other";
//   - without a label, the row's 需求类别 column if it has one, else "other";
//   - an empty cell, 无, 暂无, / or - means the visit raised no demand.
// The text becomes the title; a text longer than 60 characters is cut at its first sentence
// end (or at 60 characters) for the title and kept whole as the description.
import type { DemandCategory } from '@shared/domain/enums';
import { readEnumList, isEmptyCell } from './values';

export interface CellDemand {
  categories: DemandCategory[] | null;
  title: string;
  description: string | null;
}

export type CellDemands = { ok: true; value: CellDemand[] } | { ok: false; message: string };

const NUMBER = /^\s*(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[)）]|[①-⑳])\s*/;
const LABEL_BRACKET = /^[【[]([^】\]]{1,20})[】\]]\s*/;
const LABEL_COLON = /^([^:：\n]{1,12})[:：]\s*/;
const MAX_TITLE = 60;

/** Where one demand ends and the next begins. */
function items(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n?|\n/)) {
    // Circled numbers mark items even inside a line.
    const pieces = line.split(/(?=[①-⑳])/);
    for (const piece of pieces) {
      let rest = piece;
      for (;;) {
        const m =
          /[;；]\s*(?=(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[)）]|[【[]|[^:：;；\n]{1,12}[:：]))/.exec(
            rest,
          );
        if (!m) break;
        out.push(rest.slice(0, m.index));
        rest = rest.slice(m.index + m[0].length);
      }
      out.push(rest);
    }
  }
  return out
    .map((s) =>
      s
        .trim()
        .replace(/[;；。]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/** A text as a demand title: whole up to 60 characters, else cut (and kept whole as the description). */
export function titleOf(text: string): { title: string; description: string | null } {
  if ([...text].length <= MAX_TITLE) return { title: text, description: null };
  const end = /[。！？!?；;]/.exec(text);
  if (end && end.index >= 4 && end.index < MAX_TITLE)
    return { title: text.slice(0, end.index), description: text };
  // 59 characters and an ellipsis: the title read back (from an export) is kept as it is.
  return { title: `${[...text].slice(0, MAX_TITLE - 1).join('')}…`, description: text };
}

function readItem(raw: string, n: number): { ok: true; value: CellDemand } | { ok: false; message: string } {
  let s = raw.replace(NUMBER, '');
  let categories: DemandCategory[] | null = null;
  const bracket = LABEL_BRACKET.exec(s);
  const colon = bracket ? null : LABEL_COLON.exec(s);
  const label = bracket ?? colon;
  if (label) {
    const words = label[1]!.trim();
    const r = readEnumList('demandCategory', words);
    if (r.ok) {
      categories = r.value as DemandCategory[];
      s = s.slice(label[0].length);
    } else if (bracket || [...words].length <= 8) {
      return { ok: false, message: `第${n}项需求：需求类别 ${r.message}` };
    }
  }
  const text = s.trim();
  if (!text) return { ok: false, message: `第${n}项需求没有内容` };
  return { ok: true, value: { categories, ...titleOf(text) } };
}

export function readDemandsCell(text: string): CellDemands {
  if (isEmptyCell(text)) return { ok: true, value: [] };
  const out: CellDemand[] = [];
  const list = items(text);
  for (let i = 0; i < list.length; i++) {
    if (isEmptyCell(list[i]!)) continue;
    const r = readItem(list[i]!, i + 1);
    if (!r.ok) return r;
    out.push(r.value);
  }
  if (out.length > 20) return { ok: false, message: `一次走访最多 20 项需求，这里有 ${out.length} 项` };
  return { ok: true, value: out };
}
