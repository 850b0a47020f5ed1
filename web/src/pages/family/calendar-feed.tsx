import { Show, createResource, createSignal } from 'solid-js';
import { api } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { CopyButton } from '../../components/copy-button';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { webcalUrl } from '../../lib/ical-links';

/**
 * The family's private calendar subscription: create (or replace) it, copy or subscribe to its
 * link, end it. The server keeps only a hash of the link, so the link is shown right after it
 * is made and never again; the page says so.
 */
export function CalendarFeed() {
  const [status, { refetch }] = createResource(() => api.familyFeed());
  const [childNames, setChildNames] = createSignal(false);
  const [link, setLink] = createSignal<string>();
  const [note, setNote] = createSignal<string>();
  const [error, setError] = createSignal<unknown>();
  const act = async (work: () => Promise<void>) => {
    setError(undefined);
    setNote(undefined);
    try {
      await work();
      await refetch();
    } catch (err) {
      setError(err);
    }
  };
  const create = () =>
    act(async () => {
      const created = await api.createFamilyFeed({ childNames: childNames() });
      setLink(created.url);
    });
  const revoke = () =>
    act(async () => {
      await api.revokeFamilyFeed();
      setLink(undefined);
      setNote(t('familyFeed.revoked'));
    });
  return (
    <section aria-labelledby="family-feed-title">
      <h2 id="family-feed-title">{t('familyFeed.title')}</h2>
      <p>{t('familyFeed.intro')}</p>
      <AsyncView resource={status} retry={() => void refetch()}>
        {(s) => (
          <>
            <p>{s().active && s().createdAt ? t('familyFeed.active', { date: formatDate(s().createdAt ?? '') }) : t('familyFeed.none')}</p>
            <Show when={link()}>
              {(url) => (
                <div class="family-feed-link">
                  <label for="family-feed-url">{t('familyFeed.link')}</label>
                  <input id="family-feed-url" type="text" readonly value={url()} onFocus={(e) => e.currentTarget.select()} />
                  <p>{t('familyFeed.shownOnce')}</p>
                  <p class="actions">
                    <a class="button" href={webcalUrl(new URL(url()).origin, new URL(url()).pathname)} rel="external">
                      {t('familyFeed.subscribe')}
                    </a>
                    <CopyButton value={url()} label={t('familyFeed.copy')} copied={t('familyFeed.copied')} />
                  </p>
                </div>
              )}
            </Show>
            <div class="field checkbox">
              <input id="family-feed-names" type="checkbox" checked={childNames()} onChange={(e) => setChildNames(e.currentTarget.checked)} />
              <label for="family-feed-names">{t('familyFeed.childNames')}</label>
            </div>
            <p>
              <button type="button" class="button secondary" onClick={() => void create()}>
                {s().active ? t('familyFeed.replace') : t('familyFeed.create')}
              </button>
            </p>
            <Show when={s().active}>
              <div class="actions">
                <ConfirmAction
                  label={t('familyFeed.revoke')}
                  question={t('familyFeed.revokeConfirm')}
                  confirmLabel={t('familyFeed.revokeYes')}
                  onConfirm={() => void revoke()}
                />
              </div>
            </Show>
          </>
        )}
      </AsyncView>
      <p role="status">{note() ?? ''}</p>
      <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
    </section>
  );
}
