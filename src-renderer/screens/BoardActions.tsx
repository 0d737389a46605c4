// What the board does with its ticked demands besides reassigning them: 催办 (a reminder per
// demand, its text ready to paste into a chat app) and 督办 (supervisors: 督办 or 挂牌督办).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionLevel } from '@shared/domain/enums';
import { Dialog } from '../components/Dialog';
import { ConfirmActions, EnumRadios, Field, Form, TextArea, TextInput } from '../components/form';
import { useBoard } from '../stores/board';
import { inform } from '../stores/notices';
import styles from './BoardScreen.module.css';

export function UrgeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const s = useBoard();
  const [note, setNote] = useState('');
  const [text, setText] = useState<string | null>(null);

  const urge = async () => {
    const texts = await s.urge(note);
    if (texts) setText(texts.map((x) => x.text).join('\n\n'));
  };
  const copy = () => void navigator.clipboard?.writeText(text ?? '').then(() => inform(t('urge.copied')));

  return (
    <Dialog title={t('urge.title', { count: s.selected.size })} onClose={onClose} testId="urge-dialog" wide>
      {text === null ? (
        <Form
          error={s.actionError}
          label={t('urge.title', { count: s.selected.size })}
          onSubmit={() => void urge()}
          onCancel={onClose}
          actions={
            <ConfirmActions
              busy={s.busy}
              testId="urge-confirm"
              onCancel={onClose}
              label={t('urge.confirm')}
            />
          }
        >
          {/* Not "note": the bulk bar's reassignment note is on screen too. */}
          <Field name="urgeNote" label={t('urge.note')}>
            <TextInput
              name="urgeNote"
              value={note}
              onChange={setNote}
              placeholder={t('urge.notePlaceholder')}
            />
          </Field>
        </Form>
      ) : (
        <>
          <p className="hint">{t('urge.pasteHint')}</p>
          <textarea
            className={styles.urgeText}
            readOnly
            rows={Math.min(14, text.split('\n').length * 2 + 1)}
            value={text}
            data-testid="urge-texts"
            aria-label={t('urge.texts')}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="form-actions">
            <button type="button" className="btn primary" onClick={copy} data-testid="urge-copy">
              {t('urge.copy')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

export function SuperviseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const s = useBoard();
  const [level, setLevel] = useState<SupervisionLevel>('bureau');
  const [note, setNote] = useState('');
  const title = t('supervise.title', { count: s.selected.size });

  const supervise = async () => {
    const count = s.selected.size;
    if (await s.supervise(level, note)) {
      inform(t('supervise.done', { count }));
      onClose();
    }
  };

  return (
    <Dialog title={title} onClose={onClose} testId="supervise-dialog">
      <Form
        error={s.actionError}
        label={title}
        onSubmit={() => void supervise()}
        onCancel={onClose}
        actions={<ConfirmActions busy={s.busy} testId="supervise-confirm" onCancel={onClose} />}
      >
        <Field name="level" label={t('supervise.level')} group>
          <EnumRadios
            enumName="supervisionLevel"
            name="level"
            value={level}
            onChange={(v) => setLevel(v as SupervisionLevel)}
          />
        </Field>
        <Field name="supervisionNote" label={t('supervise.note')} required>
          <TextArea name="supervisionNote" value={note} onChange={setNote} rows={2} />
        </Field>
      </Form>
    </Dialog>
  );
}
