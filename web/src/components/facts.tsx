import { For, Show, type JSX } from 'solid-js';

export type FactItem = { term: string; value: JSX.Element | undefined };

/** A definition list of an offer's facts; entries without a value are left out. */
export function Facts(props: { items: FactItem[] }) {
  return (
    <dl class="facts">
      <For each={props.items}>
        {(f) => (
          <Show when={f.value !== undefined && f.value !== ''}>
            <div>
              <dt>{f.term}</dt>
              <dd>{f.value}</dd>
            </div>
          </Show>
        )}
      </For>
    </dl>
  );
}
