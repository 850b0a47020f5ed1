import { useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { BackLink } from '../../components/back-link';

import { tp } from '../../i18n/programme';
import { usePageTitle } from '../../lib/page';
import { programmePath } from './programme-parts';

/** "So funktioniert die Verlosung" in Leichte Sprache (English: Easy Read): one idea per line. */
export default function EasyReadPage() {
  const params = useParams();
  usePageTitle(() => tp('programme.easy.title'));
  return (
    <div class="page easy-read">
      <BackLink href={programmePath({ id: params.id ?? '' })} label={tp('programme.easy.back')} />
      <h1>{tp('programme.easy.title')}</h1>
      <p>{tp('programme.easy.lead')}</p>
      <For each={tp('programme.easy.sections')}>
        {(section) => (
          <section>
            <h2>{section.heading}</h2>
            <Show
              when={'steps' in section ? section.steps : undefined}
              fallback={
                <ul>
                  <For each={'lines' in section ? section.lines : []}>{(line) => <li>{line}</li>}</For>
                </ul>
              }
            >
              {(steps) => (
                <ol>
                  <For each={steps()}>{(step) => <li>{step}</li>}</For>
                </ol>
              )}
            </Show>
          </section>
        )}
      </For>
    </div>
  );
}
