import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Offer } from '../api/client';
import { Facts } from './facts';
import { formatDateTime, formatPrice } from '../i18n/format';
import { t } from '../i18n';
import { availability } from '../stores/offers';
import { useRegion } from '../stores/region';

export function priceText(offer: Pick<Offer, 'price'>) {
  return offer.price.amount === 0 ? t('offer.free') : formatPrice(offer.price.amount);
}

export function ageText(offer: Pick<Offer, 'ageRange'>) {
  return t('offer.ageRange', { min: offer.ageRange.min, max: offer.ageRange.max });
}

/** Free places and waitlist in words, and a tone for the badge. */
export function PlacesBadge(props: { offer: Pick<Offer, 'units' | 'waitlist'> }) {
  const places = () => availability(props.offer);
  return (
    <span class="badge" classList={{ 'badge-ok': places().free > 0, 'badge-full': places().free === 0 }}>
      <Show when={places().free > 0} fallback={props.offer.waitlist ? t('offer.fullWaitlist', { n: places().waiting }) : t('offer.full')}>
        {t('offer.freePlaces', { n: places().free })}
      </Show>
      <Show when={places().free > 0 && places().waiting > 0}> · {t('offer.waiting', { n: places().waiting })}</Show>
    </span>
  );
}

/** An offer at a glance: title, when, where, for whom, price, places; its title a heading under the page's h1. */
export function OfferCard(props: { offer: Offer; linkTarget?: string; linkBase?: string }) {
  const { categoryName, municipalityName } = useRegion();
  const first = () => props.offer.sessions[0];
  const href = () => `${props.linkBase ?? ''}/offers/${props.offer.id}`;
  const title = () =>
    props.linkTarget ? (
      <a href={href()} target={props.linkTarget} rel="noopener">
        {props.offer.title}
      </a>
    ) : (
      <A href={href()}>{props.offer.title}</A>
    );
  return (
    <article class="offer-card">
      <h2>{title()}</h2>
      <p class="card-meta">
        {categoryName(props.offer.category)} · {municipalityName(props.offer.municipalityId)}
      </p>
      <Facts
        items={[
          {
            term: t('offer.when'),
            value:
              first() &&
              formatDateTime((first() as Offer['sessions'][number]).start) +
                (props.offer.sessions.length > 1 ? ` ${t('offer.moreSessions', { n: props.offer.sessions.length - 1 })}` : ''),
          },
          { term: t('offer.where'), value: first()?.place },
          { term: t('offer.age'), value: ageText(props.offer) },
          { term: t('offer.price'), value: priceText(props.offer) },
        ]}
      />
      <PlacesBadge offer={props.offer} />
    </article>
  );
}
