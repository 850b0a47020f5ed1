import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { For, Show, createEffect, on } from 'solid-js';
import { locale, locales, setLocale, t } from '../i18n';
import { useRegion } from '../stores/region';
import { useSession } from '../stores/session';

const LANGUAGE_NAMES = { de: 'Deutsch', en: 'English' } as const;

function LanguageSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t('nav.language')}>
      <For each={locales}>
        {(l) => (
          <button type="button" lang={l} aria-pressed={locale() === l} onClick={() => setLocale(l)}>
            {LANGUAGE_NAMES[l]}
          </button>
        )}
      </For>
    </div>
  );
}

function Navigation() {
  const session = useSession();
  return (
    <nav aria-label={t('nav.label')}>
      <ul class="nav-list">
        <li>
          <A href="/" end>
            {t('nav.calendar')}
          </A>
        </li>
        <Show when={session.hasRole('family')}>
          <li>
            <A href="/bookings">{t('nav.bookings')}</A>
          </li>
          <li>
            <A href="/family">{t('nav.family')}</A>
          </li>
        </Show>
        <Show when={session.hasRole('provider')}>
          <li>
            <A href="/provider">{t('nav.provider')}</A>
          </li>
        </Show>
        <Show when={session.hasRole('municipality') || session.hasRole('admin')}>
          <li>
            <A href="/dashboard">{t('nav.dashboard')}</A>
          </li>
        </Show>
        <Show when={session.hasRole('admin')}>
          <li>
            <A href="/admin/programmes">{t('nav.programmes')}</A>
          </li>
        </Show>
        <Show
          when={session.me()}
          fallback={
            <li>
              <A href="/sign-in">{t('nav.signIn')}</A>
            </li>
          }
        >
          <li>
            <button type="button" class="link-button" onClick={() => void session.signOut().then(() => (location.href = '/'))}>
              {t('nav.signOut')}
            </button>
          </li>
        </Show>
      </ul>
    </nav>
  );
}

/** Page frame: skip link, header with navigation and language, one main landmark, footer. */
export function Shell(props: RouteSectionProps) {
  const { region } = useRegion();
  const location = useLocation();
  let main!: HTMLElement;
  // After client-side navigation, screen-reader and keyboard users start at the new content.
  createEffect(
    on(
      () => location.pathname,
      () => main.focus(),
      { defer: true },
    ),
  );
  return (
    <>
      {/* The router would take over a plain #main link without moving focus; this moves it. */}
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <div class="header-inner">
          <A href="/" class="brand">
            regiokurs<Show when={region()}>{(r) => <span class="brand-region"> · {r().name}</span>}</Show>
          </A>
          <div class="header-tools">
            <A href="/leichte-sprache" class="easy-read-link">
              {t('nav.easyRead')}
            </A>
            <LanguageSwitch />
          </div>
        </div>
        <Navigation />
      </header>
      <main id="main" tabindex="-1" ref={main}>
        {props.children}
      </main>
      <footer class="site-footer">
        <p>{t('footer.text')}</p>
        <ul class="footer-links">
          <li>
            <A href="/datenschutz">{t('footer.privacy')}</A>
          </li>
          <li>
            <A href="/barrierefreiheit">{t('footer.accessibility')}</A>
          </li>
          <li>
            <A href="/leichte-sprache">{t('footer.easyRead')}</A>
          </li>
          <li>
            <A href="/embed-info">{t('footer.embed')}</A>
          </li>
          <li>
            {/* A file of the API, not a page of the app: a plain link, which the router leaves alone. */}
            <a href="/api/open-data/offers.json">{t('footer.openData')}</a>
          </li>
        </ul>
      </footer>
    </>
  );
}
