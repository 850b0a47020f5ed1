import { For, Show, createUniqueId, splitProps, type JSX } from 'solid-js';
import type { FieldMessage, Form } from '../lib/form';
import { locale, localizeMessage } from '../i18n';

type Common = { form: Pick<Form, 'get' | 'set' | 'errors'>; name: string; label: string; hint?: string; required?: boolean };
type InputProps = Common & {
  type?: string;
  autocomplete?: string;
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  min?: string;
  max?: string;
  step?: string;
};
type SelectProps = Common & { options: Array<{ value: string; label: string }> };

/** A field's error in the page's language: the form's own in the current one, the server's as it came. */
const shown = (message: FieldMessage) => (typeof message === 'string' ? localizeMessage(message) : message[locale()]);

/** Label, hint and error around a control, wired with ids so screen readers announce all three. */
function FieldFrame(props: Common & { id: string; children: (aria: Record<string, string | boolean | undefined>) => JSX.Element }) {
  const error = () => props.form.errors[props.name];
  const describedBy = () => [props.hint && `${props.id}-hint`, error() && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ invalid: !!error() }}>
      <label for={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      {props.children({
        'aria-invalid': error() ? 'true' : undefined,
        'aria-describedby': describedBy(),
        'aria-required': props.required ? 'true' : undefined,
      })}
      <Show when={error()}>
        {(message) => (
          <p class="field-error" id={`${props.id}-error`}>
            {shown(message())}
          </p>
        )}
      </Show>
    </div>
  );
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function Field(props: InputProps) {
  const id = createUniqueId();
  const [own, common] = splitProps(props, ['type', 'autocomplete', 'inputmode', 'min', 'max', 'step']);
  return (
    <FieldFrame {...common} id={id}>
      {(aria) => (
        <input
          id={id}
          name={props.name}
          type={own.type ?? 'text'}
          autocomplete={own.autocomplete}
          inputMode={own.inputmode}
          min={own.min}
          max={own.max}
          step={own.step}
          value={text(props.form.get(props.name))}
          onInput={(e) => props.form.set(props.name, e.currentTarget.value)}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}

/** A multi-line text; `maxLength` (the schema's limit) stops typing there instead of failing on save. */
export function TextArea(props: Common & { maxLength?: number }) {
  const id = createUniqueId();
  const [own, common] = splitProps(props, ['maxLength']);
  return (
    <FieldFrame {...common} id={id}>
      {(aria) => (
        <textarea
          id={id}
          name={props.name}
          rows={3}
          maxLength={own.maxLength}
          value={text(props.form.get(props.name))}
          onInput={(e) => props.form.set(props.name, e.currentTarget.value)}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}

export function Select(props: SelectProps) {
  const id = createUniqueId();
  return (
    <FieldFrame {...props} id={id}>
      {(aria) => (
        <select
          id={id}
          name={props.name}
          value={text(props.form.get(props.name))}
          onChange={(e) => props.form.set(props.name, e.currentTarget.value)}
          {...aria}
        >
          <For each={props.options}>
            {(o) => (
              <option value={o.value} selected={o.value === text(props.form.get(props.name))}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      )}
    </FieldFrame>
  );
}

export function Checkbox(props: Omit<Common, 'required'>) {
  const id = createUniqueId();
  const error = () => props.form.errors[props.name];
  const describedBy = () => [props.hint && `${id}-hint`, error() && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field checkbox" classList={{ invalid: !!error() }}>
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={props.form.get(props.name) === true}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={describedBy()}
        onChange={(e) => props.form.set(props.name, e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" id={`${id}-error`}>
            {shown(message())}
          </p>
        )}
      </Show>
    </div>
  );
}
