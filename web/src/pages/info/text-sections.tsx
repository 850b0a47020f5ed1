import { For, Show } from 'solid-js';

export type TextSection = { heading: string; lines?: string[]; steps?: string[] };

/** Headed sections of short lines (a list) or steps (a numbered list): how the information pages read. */
export function TextSections(props: { sections: TextSection[]; fill?: (line: string) => string }) {
  const fill = (line: string) => props.fill?.(line) ?? line;
  return (
    <For each={props.sections}>
      {(section) => (
        <section>
          <h2>{section.heading}</h2>
          <Show
            when={section.steps}
            fallback={
              <ul>
                <For each={section.lines ?? []}>{(line) => <li>{fill(line)}</li>}</For>
              </ul>
            }
          >
            {(steps) => (
              <ol>
                <For each={steps()}>{(step) => <li>{fill(step)}</li>}</For>
              </ol>
            )}
          </Show>
        </section>
      )}
    </For>
  );
}
