import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { parseLocalDate, parseLocalTime } from '../../lib/datetime.js';
import type { FieldErrors } from '../../lib/form.js';
import { useText } from '../context.js';

/**
 * Form building blocks: every input has a real <label for>, its hint and its error tied to it
 * with aria-describedby, and the error summary at the top links to each field (GOV.UK pattern).
 * Inputs are named by the API's path ("title.vi"), so an error the API reports lands on its field.
 */
type FormState = { errors: FieldErrors; labels: Map<string, string>; edited: (name: string) => void };
const FormContext = createContext<FormState>({ errors: {}, labels: new Map(), edited: () => undefined });

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function Form(props: {
  errors: FieldErrors;
  onSubmit: () => void | Promise<void>;
  children: ComponentChildren;
  class?: string;
  /** The form's accessible name (the id of its heading). */
  labelledBy?: string;
  /** `false` for a one-field form: its field's own message says it all, once. */
  summary?: boolean;
}) {
  const labels = useRef(new Map<string, string>()).current;
  // A field's error goes once the field is changed; the next submit judges it again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [props.errors]);
  const errors = Object.fromEntries(Object.entries(props.errors).filter(([key]) => !edited.has(key)));
  const markEdited = (name: string) => {
    if (props.errors[name] !== undefined && !edited.has(name)) setEdited(new Set([...edited, name]));
  };
  return (
    <FormContext.Provider value={{ errors, labels, edited: markEdited }}>
      <form
        class={props.class ?? 'form'}
        noValidate
        aria-labelledby={props.labelledBy}
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSubmit();
        }}
      >
        {props.summary !== false && <ErrorSummary submitted={props.errors} />}
        {props.children}
      </form>
    </FormContext.Provider>
  );
}

/** The problems of the last submit, read out at once, each linking to its field. */
function ErrorSummary(props: { submitted: FieldErrors }) {
  const { errors, labels } = useContext(FormContext);
  const t = useText();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([key]) => key !== '');
  const general = errors[''];
  const shown = Boolean(general) || entries.length > 0;
  // Focus (and so read out) the summary after a submit that found problems, not while typing.
  useEffect(() => {
    if (Object.keys(props.submitted).length > 0) ref.current?.focus();
  }, [props.submitted]);
  return (
    <div ref={ref} class={shown ? 'error-summary' : 'error-summary hidden'} role="alert" tabIndex={-1}>
      {shown && (
        <>
          {general && <p class="error-summary-title">{general}</p>}
          {entries.length > 0 && (
            <>
              {!general && <p class="error-summary-title">{t('form.errorSummary')}</p>}
              <ul>
                {entries.map(([key, message]) => (
                  <li key={key}>
                    <a
                      href={`#${fieldId(key)}`}
                      onClick={(event) => {
                        const target = document.getElementById(fieldId(key));
                        if (!target) return;
                        event.preventDefault();
                        target.focus();
                        target.scrollIntoView({ block: 'center' });
                      }}
                    >
                      {labels.get(key) ? `${labels.get(key)}: ${message}` : message}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

type FieldProps = {
  /** The API path of the value, e.g. "title.vi"; also names the input's id and its error. */
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Where the error comes from, when it is not `name` (a date and time pair share one). */
  errorName?: string;
  class?: string;
};

function useField(props: FieldProps) {
  const { errors, labels, edited } = useContext(FormContext);
  const key = props.errorName ?? props.name;
  labels.set(key, props.label);
  const id = fieldId(props.name);
  const error = errors[key];
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy, changed: () => edited(key) };
}

function Label(props: { id: string; label: string; required?: boolean }) {
  return (
    <label for={props.id}>
      {props.label}
      {props.required && (
        // Said by aria-required on the input; the star is for the eye only.
        <span class="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
}

function HintAndError(props: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

/** The few input attributes the console sets (the union type of Preact's is too strict to spread). */
type InputAttributes = {
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'decimal' | 'tel' | 'url' | 'search';
  spellcheck?: boolean;
  autoCapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
  lang?: string;
  maxLength?: number;
  /** The id of a <datalist> of suggestions. */
  list?: string;
};

export function TextField(
  props: FieldProps & { value: string; onValue: (value: string) => void; input?: InputAttributes },
) {
  const { id, error, describedBy, changed } = useField(props);
  const { type, ...attributes } = props.input ?? {};
  return (
    <div class={`field ${error ? 'has-error' : ''} ${props.class ?? ''}`}>
      <Label id={id} label={props.label} required={props.required} />
      <HintAndError id={id} hint={props.hint} error={error} />
      <input
        // Preact types `type` as a discriminated union; one value at a time satisfies it.
        type={(type ?? 'text') as 'text'}
        {...attributes}
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={error ? 'true' : undefined}
        aria-required={props.required ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => {
          changed();
          props.onValue(event.currentTarget.value);
        }}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { value: string; onValue: (value: string) => void; rows?: number }) {
  const { id, error, describedBy, changed } = useField(props);
  return (
    <div class={`field ${error ? 'has-error' : ''} ${props.class ?? ''}`}>
      <Label id={id} label={props.label} required={props.required} />
      <HintAndError id={id} hint={props.hint} error={error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        value={props.value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => {
          changed();
          props.onValue(event.currentTarget.value);
        }}
      />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField(
  props: FieldProps & { value: string; onValue: (value: string) => void; options: Option[] },
) {
  const { id, error, describedBy, changed } = useField(props);
  return (
    <div class={`field ${error ? 'has-error' : ''} ${props.class ?? ''}`}>
      <Label id={id} label={props.label} required={props.required} />
      <HintAndError id={id} hint={props.hint} error={error} />
      <select
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          changed();
          props.onValue(event.currentTarget.value);
        }}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(props: FieldProps & { checked: boolean; onValue: (checked: boolean) => void }) {
  const { id, error, describedBy, changed } = useField(props);
  return (
    <div class={`field checkbox ${error ? 'has-error' : ''} ${props.class ?? ''}`}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        checked={props.checked}
        aria-describedby={describedBy}
        onChange={(event) => {
          changed();
          props.onValue(event.currentTarget.checked);
        }}
      />
      <Label id={id} label={props.label} />
      <HintAndError id={id} hint={props.hint} error={error} />
    </div>
  );
}

/**
 * A local date and time (Asia/Ho_Chi_Minh) typed as dd/mm/yyyy and hh:mm, tidied when the input
 * is left ("2/4/2025" becomes "02/04/2025", "8h30" becomes "08:30").
 */
export function DateTimeField(
  props: FieldProps & {
    value: { date: string; time: string };
    onValue: (value: { date: string; time: string }) => void;
  },
) {
  const t = useText();
  const { errors, labels, edited } = useContext(FormContext);
  labels.set(props.name, props.label);
  const id = fieldId(props.name);
  const error = errors[props.name];
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  /** The date or the time: typed freely, tidied when left, its format said below it. */
  const part = (key: 'date' | 'time', inputId: string, tidied: (typed: string) => string | undefined) => (
    <div class={key === 'time' ? 'datetime-part time' : 'datetime-part'}>
      <label for={inputId}>{t(`form.${key}`)}</label>
      <input
        id={inputId}
        name={`${props.name}.${key}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={key === 'date' ? 10 : 5}
        value={props.value[key]}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-${key}-format`}
        onInput={(event) => {
          edited(props.name);
          props.onValue({ ...props.value, [key]: event.currentTarget.value });
        }}
        onBlur={() => {
          const tidy = tidied(props.value[key]);
          if (tidy && tidy !== props.value[key]) props.onValue({ ...props.value, [key]: tidy });
        }}
      />
      <span class="format" id={`${id}-${key}-format`}>
        {t(`form.${key}Hint`)}
      </span>
    </div>
  );
  return (
    <fieldset class={`field datetime ${error ? 'has-error' : ''} ${props.class ?? ''}`} aria-describedby={describedBy}>
      <legend>
        {props.label}
        {props.required && (
          <span class="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      <HintAndError id={id} hint={props.hint} error={error} />
      <div class="datetime-inputs">
        {part('date', id, parseLocalDate)}
        {part('time', `${id}-time`, parseLocalTime)}
      </div>
    </fieldset>
  );
}

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton(props: { busy: boolean; label: string; busyLabel?: string; class?: string }) {
  const t = useText();
  return (
    <button type="submit" class={props.class ?? 'button primary'} disabled={props.busy} aria-disabled={props.busy}>
      {props.busy ? (props.busyLabel ?? t('common.saving')) : props.label}
    </button>
  );
}

/** A dialog's buttons: cancel (closes it) and the submit that says it is working. */
export function DialogActions(props: { busy: boolean; cancelLabel: string; saveLabel: string; onCancel: () => void }) {
  return (
    <div class="actions">
      <button type="button" class="button" onClick={props.onCancel}>
        {props.cancelLabel}
      </button>
      <SubmitButton busy={props.busy} label={props.saveLabel} />
    </div>
  );
}

/** The language a person reads their mail and page in: Vietnamese or English. */
export function LanguageField(props: FieldProps & { value: string; onValue: (value: 'vi' | 'en') => void; labels: Record<'vi' | 'en', string> }) {
  const { labels, onValue, ...field } = props;
  return (
    <SelectField
      {...field}
      onValue={(value) => onValue(value as 'vi' | 'en')}
      options={[
        { value: 'vi', label: labels.vi },
        { value: 'en', label: labels.en },
      ]}
    />
  );
}

/** A search box with its hint; what it finds follows the typing (`controls` names where). */
export function SearchField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  class?: string;
  controls?: string;
  /** The next search replaces the last one: the text is selected when the box is entered. */
  selectOnFocus?: boolean;
  /** Shown below the box, inside the field (the results of a search as you type). */
  children?: ComponentChildren;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <div class={props.class ? `field ${props.class}` : 'field'}>
      <label for={props.id}>{props.label}</label>
      <p class="hint" id={hintId}>
        {props.hint}
      </p>
      <input
        id={props.id}
        type="search"
        value={props.value}
        autoComplete="off"
        spellcheck={false}
        aria-describedby={hintId}
        aria-controls={props.controls}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        onFocus={props.selectOnFocus ? (e) => e.currentTarget.select() : undefined}
      />
      {props.children}
    </div>
  );
}

/** The attributes of an email address input: the phone's email keyboard, no spelling correction. */
export const emailInput = (autoComplete: 'off' | 'username' | 'email' = 'off'): InputAttributes => ({ type: 'email', inputMode: 'email', autoComplete, spellcheck: false });

/** A password, always required; `autoComplete` tells the browser's password manager which one it is. */
export function PasswordField(props: FieldProps & { value: string; onValue: (value: string) => void; autoComplete: 'current-password' | 'new-password' }) {
  const { autoComplete, ...field } = props;
  return <TextField {...field} required input={{ type: 'password', autoComplete }} />;
}

/** Form state: values, errors, and whether a submit is under way. */
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof T>(key: K) => (value: T[K]) => setValues((current) => ({ ...current, [key]: value }));
  return { values, setValues, set, errors, setErrors, busy, setBusy };
}

/**
 * A file picker with its label, hint and error, the error tied to the input for screen readers
 * (the invitee and contact imports). `inputKey` clears the chosen file when it changes.
 */
export function FileField(props: {
  id: string;
  label: string;
  hint: string;
  error?: string;
  accept: string;
  inputKey?: number | string;
  onFile: (file: File | undefined) => void;
  children?: ComponentChildren;
}) {
  const { id, error } = props;
  return (
    <div class={`field ${error ? 'has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        key={props.inputKey}
        id={id}
        name="file"
        type="file"
        class="file-input"
        accept={props.accept}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? 'true' : undefined}
        onChange={(event) => props.onFile(event.currentTarget.files?.[0])}
      />
      {props.children}
    </div>
  );
}
