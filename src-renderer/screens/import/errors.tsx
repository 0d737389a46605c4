// Where the wizard's refused calls are shown: each next to the control its field names,
// the rest in the step's own message box (never swallowed).
import { useMemo } from 'react';
import { errorFor, fieldErrors, unclaimed } from '../../components/formErrors';
import { useImportWizard } from '../../stores/importWizard';

export function useStepErrors(): Record<string, string> {
  const error = useImportWizard((s) => s.error);
  return useMemo(() => {
    const out = fieldErrors(error);
    if (error && !Object.keys(out).length) out[''] = error.message;
    return out;
  }, [error]);
}

/** The error of one field (and the paths inside it), or nothing. */
export function FieldError({ name, names }: { name: string; names?: string[] }) {
  const errors = useStepErrors();
  const message = errorFor(errors, name, names ?? [name]);
  if (!message) return null;
  return (
    <div className="field-error" role="alert" data-field={name}>
      {message}
    </div>
  );
}

/** Errors no control of this step shows. */
export function OtherErrors({ names }: { names: string[] }) {
  const errors = useStepErrors();
  const rest = unclaimed(errors, names);
  if (!rest.length) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="import-error">
      {rest.map(([path, message]) => (
        <div key={path}>{message}</div>
      ))}
    </div>
  );
}
