import { A } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import type { Offer } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { RolePage } from '../../components/role-page';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { createProviderOffers } from '../../stores/provider';

function OfferAdmin(props: { offer: Offer; store: ReturnType<typeof createProviderOffers> }) {
  const [error, setError] = createSignal<unknown>();
  const setStatus = (status: 'published' | 'cancelled') => {
    setError(undefined);
    props.store.setStatus(props.offer.id, status).catch(setError);
  };
  const totals = () =>
    props.offer.units.reduce((a, u) => ({ confirmed: a.confirmed + u.confirmed, capacity: a.capacity + u.capacity, waiting: a.waiting + u.waiting }), {
      confirmed: 0,
      capacity: 0,
      waiting: 0,
    });
  return (
    <li class="offer-admin">
      <h3>
        <A href={`/provider/offers/${props.offer.id}`}>{props.offer.title}</A>
      </h3>
      <p>
        <span class="status">{t(`provider.status_${props.offer.status}`)}</span>
        <Show when={props.offer.sessions[0]}>{(s) => <> · {formatDateTime(s().start)}</>}</Show> · {t('provider.places', totals())}
      </p>
      <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <A class="button secondary" href={`/provider/offers/${props.offer.id}`}>
          {t('provider.participants')}
        </A>
        <Show when={props.offer.status !== 'cancelled'}>
          <A class="button secondary" href={`/provider/offers/${props.offer.id}/edit`}>
            {t('provider.edit')}
          </A>
        </Show>
        <Show when={props.offer.status === 'draft'}>
          <button type="button" class="button primary" onClick={() => setStatus('published')}>
            {t('provider.publish')}
          </button>
        </Show>
        <Show when={props.offer.status === 'published'}>
          <ConfirmAction
            label={t('provider.cancelOffer')}
            question={t('provider.cancelOfferConfirm')}
            confirmLabel={t('provider.cancelOffer')}
            onConfirm={() => setStatus('cancelled')}
          />
        </Show>
      </div>
    </li>
  );
}

function ProviderOffers() {
  const store = createProviderOffers();
  return (
    <>
      <p>
        <A class="button primary" href="/provider/offers/new">
          {t('provider.create')}
        </A>
      </p>
      <AsyncView resource={store.offers} retry={() => void store.refetch()} empty={t('provider.none')} isEmpty={(o) => (o ?? []).length === 0}>
        {(offers) => (
          <ul class="offer-admin-list">
            <For each={offers()}>{(o) => <OfferAdmin offer={o} store={store} />}</For>
          </ul>
        )}
      </AsyncView>
    </>
  );
}

export default function ProviderOffersPage() {
  return (
    <RolePage title={t('provider.title')} roles={['provider']}>
      <ProviderOffers />
    </RolePage>
  );
}
