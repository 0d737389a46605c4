// The view selector of a grid's toolbar: a plain <select> (so the keyboard works as everywhere:
// Tab to it, arrows to choose), "modified" once the filters moved away from the chosen view,
// and saving the grid's filters as a named view, updating, renaming and deleting one.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuiltinKey, UserView } from './gridViews';
import { builtinId, userId } from './gridViews';
import styles from './ViewMenu.module.css';

export type NameProblem = 'empty' | 'taken' | 'long';

interface Props {
  builtins: BuiltinKey[];
  users: readonly UserView[];
  /** The chosen view's id, or null for all records. */
  active: string | null;
  modified: boolean;
  onChoose: (id: string | null) => void;
  /** Each returns what is wrong with the name, or null once done. */
  onSaveAs: (name: string) => NameProblem | null;
  onRename: (name: string) => NameProblem | null;
  onUpdate: () => void;
  onRemove: () => void;
}

export function ViewMenu(props: Props) {
  const { builtins, users, active, modified, onChoose, onSaveAs, onRename, onUpdate, onRemove } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState<null | 'saveAs' | 'rename'>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<NameProblem | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const activeUser = users.find((v) => userId(v) === active) ?? null;

  const edit = (mode: 'saveAs' | 'rename') => {
    setEditing(mode);
    setName(mode === 'rename' ? (activeUser?.name ?? '') : '');
    setProblem(null);
  };
  const close = () => {
    setEditing(null);
    setProblem(null);
    select.current?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = editing === 'rename' ? onRename(name) : onSaveAs(name);
    if (p) setProblem(p);
    else close();
  };

  return (
    <div className={styles.views} role="group" aria-label={t('views.label')}>
      <select
        ref={select}
        className={styles.select}
        aria-label={t('views.label')}
        data-testid="grid-view"
        value={active ?? ''}
        onChange={(e) => onChoose(e.target.value || null)}
      >
        <option value="">{t('views.all')}</option>
        {builtins.length > 0 && (
          <optgroup label={t('views.builtins')}>
            {builtins.map((k) => (
              <option key={k} value={builtinId(k)} title={t(`views.builtinTitle.${k}`)}>
                {t(`views.builtin.${k}`)}
              </option>
            ))}
          </optgroup>
        )}
        {users.length > 0 && (
          <optgroup label={t('views.saved')}>
            {users.map((v) => (
              <option key={v.id} value={userId(v)}>
                {v.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {modified && (
        <span className={styles.modified} data-testid="view-modified" title={t('views.modifiedTitle')}>
          {t('views.modified')}
        </span>
      )}
      {editing ? (
        <form
          className={styles.nameForm}
          onSubmit={submit}
          onKeyDown={(e) => {
            // Esc leaves the name, not the screen around it.
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          <input
            className={styles.name}
            aria-label={t('views.name')}
            value={name}
            maxLength={60}
            autoFocus
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="btn">
            {t('views.save')}
          </button>
          <button type="button" className="link" onClick={close}>
            {t('views.cancel')}
          </button>
          {problem && (
            <span role="alert" className={styles.problem}>
              {t(`views.problem.${problem}`, { name: name.trim() })}
            </span>
          )}
        </form>
      ) : (
        <>
          {activeUser && modified && (
            <button type="button" className="link" onClick={onUpdate}>
              {t('views.update')}
            </button>
          )}
          <button type="button" className="link" onClick={() => edit('saveAs')}>
            {t('views.saveAs')}
          </button>
          {activeUser && (
            <>
              <button type="button" className="link" onClick={() => edit('rename')}>
                {t('views.rename')}
              </button>
              <button type="button" className="link" onClick={onRemove}>
                {t('views.remove')}
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
