import { useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { api } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { BackLink } from '../../components/back-link';
import { Facts } from '../../components/facts';
import { PlacesBadge, ageText, priceText } from '../../components/offer-card';
import { t } from '../../i18n';
import { formatDate, formatDateTime, formatPrice, formatTime } from '../../i18n/format';
import { usePageTitle } from '../../lib/page';
import { createOffer } from '../../stores/offers';
import { useRegion } from '../../stores/region';
import { BookingPanel } from './booking-panel';

export default function OfferPage() {
  const params = useParams();
  const { offer, refetch } = createOffer(() => params.id ?? '');
  const { categoryName, municipalityName } = useRegion();
  usePageTitle(() => (offer.state === 'ready' ? offer()?.title : t('offer.title')));
  return (
    <div class="page offer-page">
      <BackLink href="/" label={t('offer.back')} />
      <AsyncView resource={offer} retry={refetch}>
        {(o) => (
          <article>
            <h1>{o.title}</h1>
            <p class="card-meta">
              {categoryName(o.category)} · {municipalityName(o.municipalityId)}
              <Show when={o.providerName}> · {o.providerName}</Show>
            </p>
            <Show when={o.status === 'cancelled'}>
              <p class="notice warning" role="note">
                {t('offer.cancelled')}
              </p>
            </Show>
            <p class="description">{o.description}</p>
            <Facts
              items={[
                { term: t('offer.age'), value: ageText(o) },
                { term: t('offer.price'), value: o.price.reduced === undefined ? priceText(o) : `${priceText(o)} (${t('offer.reduced', { price: formatPrice(o.price.reduced) })})` },
                { term: t('offer.registration'), value: t('offer.window', { from: formatDateTime(o.registrationOpens), to: formatDateTime(o.registrationCloses) }) + (o.bookingMode === 'lottery' ? ` · ${t('offer.lottery')}` : '') },
                { term: t('offer.address'), value: o.address },
                { term: t('offer.accessibility'), value: o.accessibility },
              ]}
            />
            <PlacesBadge offer={o} />

            <section aria-labelledby="sessions-title">
              <h2 id="sessions-title">{t('offer.sessions', { n: o.sessions.length })}</h2>
              <ol class="sessions">
                <For each={o.sessions}>
                  {(s) => (
                    <li>
                      <strong>{formatDate(s.start)}</strong>, {formatTime(s.start)}–{formatTime(s.end)} · {s.place}
                    </li>
                  )}
                </For>
              </ol>
              <p>
                <a class="ical-link" href={api.calendarUrl({ municipality: o.municipalityId, category: o.category })}>
                  {t('offer.addToCalendar')}
                </a>
              </p>
            </section>

            <BookingPanel offer={o} onBooked={() => void refetch()} />
          </article>
        )}
      </AsyncView>
    </div>
  );
}
