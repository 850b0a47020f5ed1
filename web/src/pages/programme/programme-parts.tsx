import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CatalogOffer, Programme } from '../../api/client';
import { Facts } from '../../components/facts';
import { ageText, priceText } from '../../components/offer-card';
import { locale, localizeMessage, t } from '../../i18n';
import { tp } from '../../i18n/programme';
import { formatDay } from '../../i18n/format';
import { useRegion } from '../../stores/region';
import './programme.css';

/** An offer's days, "Mo., 6. Juli bis Fr., 10. Juli", or the one day. */
export function offerDays(offer: Pick<CatalogOffer, 'firstDay' | 'lastDay'>) {
  return offer.firstDay === offer.lastDay
    ? formatDay(offer.firstDay)
    : tp('programme.offers.dates', { from: formatDay(offer.firstDay), to: formatDay(offer.lastDay) });
}

/**
 * How offers and wishes are named on these pages: an offer runs in several municipalities under
 * one title, so the municipality is part of its name, and the unit where the offer has several.
 */
export function useWishNames() {
  const { municipalityName } = useRegion();
  const offerName = (offer: CatalogOffer) => `${offer.title} (${municipalityName(offer.municipalityId)})`;
  const wishName = (offer: CatalogOffer | undefined, unitId: string) => {
    if (!offer) return '';
    const unit = offer.units.find((u) => u.id === unitId);
    return offer.units.length > 1 && unit ? `${offerName(offer)} – ${localizeMessage(unit.label)}` : offerName(offer);
  };
  return { offerName, wishName };
}

/** A number in the page's language, e.g. a mean or a Gini coefficient. */
export const formatNumber = (n: number, digits = 2) =>
  new Intl.NumberFormat(locale() === 'de' ? 'de-AT' : 'en-GB', { maximumFractionDigits: digits }).format(n);

export const programmePath = (p: Pick<Programme, 'id'>, tail = '') => `/programmes/${encodeURIComponent(p.id)}${tail}`;

/** One of the programme's offers: what, when, for whom, and its groups or weeks with their seats. */
export function ProgrammeOfferCard(props: { offer: CatalogOffer }) {
  const { categoryName, municipalityName } = useRegion();
  return (
    <article class="offer-card">
      <h3>
        <A href={`/offers/${props.offer.id}`}>{props.offer.title}</A>
      </h3>
      <p class="card-meta">
        {categoryName(props.offer.category)} · {municipalityName(props.offer.municipalityId)}
        <Show when={props.offer.providerName}> · {props.offer.providerName}</Show>
      </p>
      <Facts
        items={[
          { term: t('offer.when'), value: offerDays(props.offer) },
          { term: t('offer.where'), value: props.offer.sessions[0]?.place },
          { term: t('offer.age'), value: ageText(props.offer) },
          { term: t('offer.price'), value: priceText(props.offer) },
          {
            term: tp('programme.offers.units'),
            value: (
              <ul class="units">
                <For each={props.offer.units}>
                  {(u) => (
                    <li>
                      {localizeMessage(u.label)} · {tp('programme.offers.seats', { n: u.capacity })}
                    </li>
                  )}
                </For>
              </ul>
            ),
          },
        ]}
      />
    </article>
  );
}
