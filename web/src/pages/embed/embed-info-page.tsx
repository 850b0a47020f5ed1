import { For, createSignal, createUniqueId } from 'solid-js';
import { locale, t } from '../../i18n';
import { CopyButton } from '../../components/copy-button';
import { usePageTitle } from '../../lib/page';
import { useRegion } from '../../stores/region';

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The two snippets a municipality pastes into its website (docs/INTERFACES.md): an iframe that
 * embed.js sizes to its content, or embed.js with the <regiokurs-calendar> element.
 */
function embedSnippets(origin: string, municipality: string, lang: string, title: string) {
  const query = new URLSearchParams({ ...(municipality ? { municipality } : {}), lang });
  const script = `<script src="${origin}/embed.js" defer></script>`;
  const full = `${origin}/${municipality ? `?municipality=${encodeURIComponent(municipality)}` : ''}`;
  return {
    frame: `<iframe src="${origin}/embed?${attr(query.toString())}" title="${attr(title)}" width="100%" height="700" loading="lazy" style="border:0"></iframe>\n${script}`,
    element:
      `${script}\n<regiokurs-calendar${municipality ? ` municipality="${attr(municipality)}"` : ''} lang="${lang}">` +
      `<noscript><a href="${attr(full)}">${lang === 'en' ? 'Calendar of the region' : 'Veranstaltungskalender der Region'}</a></noscript></regiokurs-calendar>`,
  };
}

function Snippet(props: { title: string; hint: string; code: string }) {
  return (
    <section>
      <h2>{props.title}</h2>
      <p>{props.hint}</p>
      <pre class="snippet" tabindex="0">
        <code>{props.code}</code>
      </pre>
      <CopyButton value={props.code} label={t('embed.copy')} copied={t('embed.copied')} />
    </section>
  );
}

export default function EmbedInfoPage() {
  const { municipalities, municipalityName, region } = useRegion();
  // "Alle" embeds the whole region: the frame's title names it, as a screen reader announces it.
  const calendarName = () => (municipality() ? municipalityName(municipality()) : (region()?.name ?? 'regiokurs'));
  const [municipality, setMunicipality] = createSignal('');
  const id = createUniqueId();
  const snippets = () => embedSnippets(location.origin, municipality(), locale(), t('embed.frameTitle', { name: calendarName() }));
  usePageTitle(() => t('embed.title'));
  return (
    <div class="page narrow-page">
      <h1>{t('embed.title')}</h1>
      <p class="lead">{t('embed.lead')}</p>
      <div class="field">
        <label for={`${id}-m`}>{t('embed.municipality')}</label>
        <select id={`${id}-m`} value={municipality()} onChange={(e) => setMunicipality(e.currentTarget.value)}>
          <option value="">{t('calendar.all')}</option>
          <For each={municipalities() ?? []}>{(m) => <option value={m.id}>{m.name}</option>}</For>
        </select>
      </div>
      <Snippet title={t('embed.snippetFrame')} hint={t('embed.frameHint')} code={snippets().frame} />
      <Snippet title={t('embed.snippetElement')} hint={t('embed.elementHint')} code={snippets().element} />
      <h2>{t('embed.preview')}</h2>
      <iframe
        class="embed-preview"
        src={`/embed?${new URLSearchParams({ ...(municipality() ? { municipality: municipality() } : {}), lang: locale() })}`}
        title={t('embed.preview')}
        loading="lazy"
      />
    </div>
  );
}
