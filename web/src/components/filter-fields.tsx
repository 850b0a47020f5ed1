import { For, createUniqueId } from 'solid-js';

/** A filter select whose first option means "no filter"; its value goes to the URL by name. */
export function SelectFilter(props: { name: string; label: string; value?: string; anyLabel: string; options: Array<{ value: string; label: string }> }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value ?? ''}>
        <option value="">{props.anyLabel}</option>
        {/* `selected` per option, because the options may arrive after the select's value was set. */}
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

export function InputFilter(props: {
  name: string;
  label: string;
  value?: string;
  type: 'date' | 'number' | 'search';
  class?: string;
  min?: string;
  max?: string;
}) {
  const id = createUniqueId();
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type}
        min={props.min}
        max={props.max}
        inputMode={props.type === 'number' ? 'numeric' : undefined}
        value={props.value ?? ''}
      />
    </div>
  );
}
