// The warning under a reference-list field (towns, industries) whose typed value is not in the
// bureau's list: the value is kept; a supervisor adds it in one click, anyone else is told who can.
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';

export function NotListedWarning({
  name,
  words,
  onAdd,
}: {
  name: string;
  /** The i18n group holding notListed, add and askSupervisor. */
  words: 'towns' | 'industries';
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const supervisor = useSession((s) => s.info?.me?.role) === 'supervisor';
  return (
    <div className="warn" role="status" data-testid={`${name}-not-listed`}>
      {t(`${words}.notListed`)}
      {supervisor ? (
        <button type="button" className="link" onClick={onAdd}>
          {t(`${words}.add`)}
        </button>
      ) : (
        <span className="muted"> {t(`${words}.askSupervisor`)}</span>
      )}
    </div>
  );
}
