import { A } from '@solidjs/router';
import { Match, Show, Switch, createEffect, createSignal, createUniqueId } from 'solid-js';
import type { Offer } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { t } from '../../i18n';
import { useQueryParams } from '../../lib/search';
import { createOpeningNotices } from '../../stores/opening-notices';
import { useSession } from '../../stores/session';

/** The query parameter a visitor comes back with from signing in: do what they asked for. */
const REMIND_PARAM = 'remind';

/**
 * "Erinnere mich" for an offer whose registration opens later: a family asks for an e-mail at
 * the opening (and can take it back); a visitor is sent to sign in and comes back with it set.
 */
export function OpeningNotice(props: { offer: Offer }) {
  const session = useSession();
  const { get, set } = useQueryParams();
  const isFamily = () => session.hasRole('family');
  const store = createOpeningNotices(isFamily);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [said, setSaid] = createSignal<'set' | 'removed'>();
  const id = createUniqueId();
  const isSet = () => store.isSet(props.offer.id);

  async function change(on: boolean) {
    setBusy(true);
    setError(undefined);
    setSaid(undefined);
    try {
      if (on) await store.add({ offerId: props.offer.id, offerTitle: props.offer.title, opensAt: props.offer.registrationOpens });
      else await store.remove(props.offer.id);
      setSaid(on ? 'set' : 'removed');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  // Back from signing in with `?remind=1`: the reminder is set once, and the parameter dropped.
  createEffect(() => {
    if (get(REMIND_PARAM) !== '1' || store.notices.state !== 'ready') return;
    set({ [REMIND_PARAM]: undefined }, true);
    if (!isSet()) void change(true);
  });

  const signInHref = () => `/sign-in?next=${encodeURIComponent(`/offers/${props.offer.id}?${REMIND_PARAM}=1`)}`;
  return (
    <div class="opening-notice">
      <Switch>
        <Match when={session.me.state === 'ready' && !session.me()}>
          <p class="hint" id={`${id}-hint`}>
            {t('booking.remindHint')} {t('booking.remindSignInHint')}
          </p>
          <A class="button secondary" href={signInHref()} aria-describedby={`${id}-hint`}>
            {t('booking.remind')}
          </A>
        </Match>
        <Match when={isFamily()}>
          <AsyncView resource={store.notices} retry={() => void store.refetch()}>
            {() => (
              <>
                <Show when={!isSet()}>
                  <p class="hint" id={`${id}-hint`}>
                    {t('booking.remindHint')}
                  </p>
                </Show>
                <button
                  type="button"
                  class="button secondary"
                  disabled={busy()}
                  aria-describedby={isSet() ? undefined : `${id}-hint`}
                  onClick={() => void change(!isSet())}
                >
                  {isSet() ? t('booking.remindActive') : t('booking.remind')}
                </button>
              </>
            )}
          </AsyncView>
        </Match>
      </Switch>
      <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
      {/* Present from the start, so that screen readers announce the change. */}
      <div role="status">
        <Show when={said()}>{(what) => <p class="notice success">{what() === 'set' ? t('booking.remindSet') : t('booking.remindRemoved')}</p>}</Show>
      </div>
    </div>
  );
}
