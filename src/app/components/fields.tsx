import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n/messages';

interface FieldProps {
  label: string;
  hint?: string;
}

/** A field's label (marked when required) and its hint, which the control names in aria-describedby. */
function LabelAndHint(props: { id: string; label: string; hint?: string | undefined; required?: boolean | undefined }) {
  return (
    <>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="field__required"> {t('(required)')}</span>}
      </label>
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
    </>
  );
}

/**
 * Near a field's limit, how much of it is used: the field stops taking text there (a paste is
 * cut short), and this says why.
 */
export function LengthLeft({ value, max }: { value: string; max: number | undefined }) {
  if (max === undefined || value.length < max * 0.9) return null;
  return (
    <p class="field__hint" aria-live="polite">
      {t('{count} of {max} characters', { count: value.length, max })}
    </p>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onInput: (value: string) => void;
    maxLength?: number;
    type?: 'text' | 'email' | 'tel' | 'search' | 'url' | 'time' | 'datetime-local';
    required?: boolean;
    autoComplete?: string;
    inputMode?: 'text' | 'email' | 'tel' | 'search' | 'url' | 'numeric';
  },
) {
  const id = useId();
  return (
    <div class="field">
      <LabelAndHint id={id} label={props.label} hint={props.hint} required={props.required} />
      <input
        id={id}
        // Preact's types want one literal type per input; any of these is valid HTML.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <LengthLeft value={props.value} max={props.maxLength} />
    </div>
  );
}

export function TextArea(
  props: FieldProps & { value: string; onInput: (value: string) => void; required?: boolean; rows?: number; maxLength?: number },
) {
  const id = useId();
  return (
    <div class="field">
      <LabelAndHint id={id} label={props.label} hint={props.hint} required={props.required} />
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <LengthLeft value={props.value} max={props.maxLength} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  /** The label's language when it is not the UI's (a language named in itself). */
  lang?: string;
}

export function SelectField(props: FieldProps & { value: string; options: Option[]; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div class="field">
      <LabelAndHint id={id} label={props.label} hint={props.hint} />
      <select
        id={id}
        value={props.value}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A radio group drawn as big tiles: one tap on a phone held in one hand. */
export function ChoiceTiles(props: {
  legend: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  required?: boolean;
  compact?: boolean;
}) {
  const name = useId();
  return (
    <fieldset class={props.compact ? 'tiles tiles--compact' : 'tiles'}>
      <legend>
        {props.legend}
        {props.required && <span class="field__required"> {t('(required)')}</span>}
      </legend>
      <div class="tiles__grid">
        {props.options.map((o) => (
          <label key={o.value} class="tile">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxField(
  props: FieldProps & { checked: boolean; onChange: (checked: boolean) => void; children?: ComponentChildren },
) {
  const id = useId();
  return (
    <div class="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <LabelAndHint id={id} label={props.label} hint={props.hint} />
      {props.children}
    </div>
  );
}
