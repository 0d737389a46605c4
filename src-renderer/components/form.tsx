// One way to build every form: <Form> handles the keys (Ctrl+Enter / Ctrl+S save, Esc closes)
// and hands API errors to the <Field> they name; errors no field claims appear in the summary.
import {
  cloneElement,
  createContext,
  isValidElement,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { ENUMS, type EnumName } from '../enums';
import { enumLabel } from '../format';
import { useSession } from '../stores/session';
import { claims, errorFor, fieldErrors, unclaimed } from './formErrors';
import { staffLabels } from '../staffLabels';

interface FormCtx {
  errors: Record<string, string>;
  names: string[];
  register: (name: string) => () => void;
  /** The field was changed since the error came: its message no longer applies. */
  edited: (name: string) => void;
}

const Ctx = createContext<FormCtx>({ errors: {}, names: [], register: () => () => {}, edited: () => {} });

export const fieldId = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

interface FormProps {
  error: ApiError | null;
  onSubmit: () => void;
  onCancel?: () => void;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  label?: string;
}

export function Form({ error, onSubmit, onCancel, children, actions, className, label }: FormProps) {
  const { t } = useTranslation();
  // The fields changed since this error came: a corrected field stops showing its message.
  const [editedSince, setEdited] = useState<{ error: ApiError | null; names: Set<string> }>({
    error,
    names: new Set(),
  });
  const corrected = editedSince.error === error ? editedSince.names : null;
  const errors = useMemo(() => {
    const all = fieldErrors(error);
    if (!corrected?.size) return all;
    return Object.fromEntries(
      Object.entries(all).filter(([path]) => ![...corrected].some((n) => claims(n, path))),
    );
  }, [error, corrected]);
  const edited = useCallback(
    (name: string) =>
      setEdited((s) => {
        const current = s.error === error ? s.names : new Set<string>();
        return current.has(name) ? s : { error, names: new Set([...current, name]) };
      }),
    [error],
  );
  const [names, setNames] = useState<string[]>([]);
  const register = useCallback((name: string) => {
    setNames((n) => [...n, name]);
    return () =>
      setNames((n) => {
        const i = n.indexOf(name);
        return i < 0 ? n : [...n.slice(0, i), ...n.slice(i + 1)];
      });
  }, []);
  const ctx = useMemo(() => ({ errors, names, register, edited }), [errors, names, register, edited]);
  const rest = unclaimed(errors, names);
  const claimedCount = Object.keys(errors).length - rest.length;

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      onSubmit();
    } else if (e.key === 'Escape' && onCancel && !e.defaultPrevented) {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <Ctx.Provider value={ctx}>
      <form
        className={className ?? 'form'}
        aria-label={label}
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {error && (
          <div className="form-errors" role="alert" data-testid="form-errors">
            <strong>{t('form.saveFailed')}</strong>
            {claimedCount > 0 && <span> {t('form.seeFields', { count: claimedCount })}</span>}
            {rest.length > 0 ? (
              <ul>
                {rest.map(([path, message]) => (
                  <li key={path}>{message}</li>
                ))}
              </ul>
            ) : (
              claimedCount === 0 && <div>{error.message}</div>
            )}
          </div>
        )}
        {actions && <div className="form-actions">{actions}</div>}
      </form>
    </Ctx.Provider>
  );
}

interface FieldProps {
  name: string;
  label: string;
  children: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** A group of radios or checkboxes: a fieldset with a legend. */
  group?: boolean;
  wide?: boolean;
}

/** A dialog form's two buttons: confirm (submits) and cancel. */
export function ConfirmActions({
  busy,
  testId,
  onCancel,
  label,
}: {
  busy: boolean;
  testId: string;
  onCancel: () => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="submit" className="btn primary" disabled={busy} data-testid={testId}>
        {label ?? t('common.confirm')}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </>
  );
}

export function Field({ name, label, children, required, hint, group, wide }: FieldProps) {
  const { errors, names, register, edited } = useContext(Ctx);
  useLayoutEffect(() => register(name), [name, register]);
  const error = errorFor(errors, name, names);
  const id = fieldId(name);
  const errId = `${id}-error`;
  const cls = `field${error ? ' has-error' : ''}${wide ? ' wide' : ''}`;
  const errorNode = error && (
    <div className="field-error" id={errId} role="alert" data-field={name}>
      {error}
    </div>
  );
  if (group) {
    return (
      <fieldset
        className={cls}
        onChange={error ? () => edited(name) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
      >
        <legend>
          {label}
          {required && <span className="req">*</span>}
        </legend>
        {children}
        {hint && <div className="hint">{hint}</div>}
        {errorNode}
      </fieldset>
    );
  }
  const control = isValidElement(children)
    ? cloneElement(children as ReactElement<Record<string, unknown>>, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errId : undefined,
      })
    : children;
  return (
    <div className={cls} onChange={error ? () => edited(name) : undefined}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req">*</span>}
      </label>
      {control}
      {hint && <div className="hint">{hint}</div>}
      {errorNode}
    </div>
  );
}

// --- controls -------------------------------------------------------------------------

type InputBase = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/**
 * Characters typed against a field's limit (`limit`, from its model: fieldValues.textLimit),
 * shown before save. Nothing is cut: the save refuses an over-long text and says which.
 */
function LengthCounter({ name, length, limit }: { name: string | undefined; length: number; limit: number }) {
  const { t } = useTranslation();
  const over = length - limit;
  return (
    <div className={`length-counter${over > 0 ? ' over' : ''}`}>
      <span data-counter={name}>
        {length}/{limit}
      </span>
      {over > 0 && <span role="status"> {t('form.overLimit', { n: over })}</span>}
    </div>
  );
}

interface Limited {
  value: string | null | undefined;
  onChange: (v: string) => void;
  /** The most characters the field takes: a counter shows under it. */
  limit?: number;
}

export function TextInput({ value, onChange, limit, ...rest }: InputBase & Limited) {
  const input = (
    <input type="text" {...rest} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
  );
  if (limit === undefined) return input;
  return (
    <>
      {input}
      <LengthCounter name={rest.name} length={(value ?? '').length} limit={limit} />
    </>
  );
}

export function TextArea({
  value,
  onChange,
  limit,
  rows = 3,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & Limited) {
  const area = (
    <textarea rows={rows} {...rest} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
  );
  if (limit === undefined) return area;
  return (
    <>
      {area}
      <LengthCounter name={rest.name} length={(value ?? '').length} limit={limit} />
    </>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select({
  value,
  onChange,
  options,
  empty,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string | null | undefined;
  onChange: (v: string) => void;
  options: Option[];
  /** Label of the empty choice; without it there is none. */
  empty?: string;
}) {
  return (
    <select {...rest} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function enumOptions(name: EnumName, values?: readonly string[]): Option[] {
  return (values ?? (ENUMS[name] as readonly string[])).map((v) => ({ value: v, label: enumLabel(name, v) }));
}

export function EnumSelect(
  props: Omit<Parameters<typeof Select>[0], 'options'> & { enumName: EnumName; values?: readonly string[] },
) {
  const { enumName, values, ...rest } = props;
  useTranslation(); // re-render on language change
  return <Select {...rest} options={enumOptions(enumName, values)} />;
}

export function EnumRadios({
  enumName,
  name,
  value,
  onChange,
  values,
}: {
  enumName: EnumName;
  name: string;
  value: string | null | undefined;
  onChange: (v: string) => void;
  values?: readonly string[];
}) {
  useTranslation();
  return (
    <div className="choices" role="radiogroup">
      {enumOptions(enumName, values).map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}

export function EnumChecks({
  enumName,
  name,
  value,
  onChange,
}: {
  enumName: EnumName;
  name: string;
  value: readonly string[] | null | undefined;
  onChange: (v: string[]) => void;
}) {
  useTranslation();
  const chosen = value ?? [];
  return (
    <div className="choices">
      {enumOptions(enumName).map((o) => (
        <label key={o.value} className="choice">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={chosen.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
            }
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}

export function Check({
  label,
  checked,
  onChange,
  name,
}: {
  label: string;
  checked: boolean | null | undefined;
  onChange: (v: boolean) => void;
  name: string;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        name={name}
        checked={Boolean(checked)}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

export function StaffSelect(
  props: Omit<Parameters<typeof Select>[0], 'options'> & { includeId?: string | null },
) {
  const { includeId, ...rest } = props;
  const staff = useSession((s) => s.staff);
  const listed = staff.filter((s) => s.active !== false || s.id === includeId || s.id === props.value);
  const labels = staffLabels(listed);
  const options = listed.map((s) => ({ value: s.id, label: labels.get(s.id)! }));
  return <Select {...rest} options={options} />;
}
