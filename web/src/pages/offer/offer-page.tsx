import { useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { OfferDetail } from '../../../../shared/schemas/offer';
import { api } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { BackLink } from '../../components/back-link';
import { CalendarLinks } from '../../components/calendar-links';
import { Facts } from '../../components/facts';
import { PlacesBadge, ageText, priceText } from '../../components/offer-card';
import { localizeMessage, t } from '../../i18n';
import { formatDate, formatDateTime, formatPrice, formatTime } from '../../i18n/format';
import { usePageTitle } from '../../lib/page';
import { createOffer } from '../../stores/offers';
import { useRegion } from '../../stores/region';
import { BookingPanel } from './booking-panel';

type ContactWays = Pick<NonNullable<OfferDetail['providerContact']>, 'email' | 'phone' | 'website'>;

/** `tel:` takes the digits and a leading plus only. */
const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;
/**
 * A website as a link, shown without its scheme; only a web address becomes one, since the
 * schema's URL check lets `javascript:` through too.
 */
const webLink = (website: string | undefined) =>
  website && /^https?:\/\//i.test(website) ? { href: website, text: website.replace(/^https?:\/\//i, '').replace(/\/$/, '') } : undefined;

/** Each way to reach someone as a line of its own, the address a link that opens mail, phone or browser. */
function ContactLines(props: { contact: ContactWays }) {
  return (
    <>
      <Show when={props.contact.email}>
        {(email) => (
          <p>
            {t('offerPage.contact.email')}: <a href={`mailto:${email()}`}>{email()}</a>
          </p>
        )}
      </Show>
      <Show when={props.contact.phone}>
        {(phone) => (
          <p>
            {t('offerPage.contact.phone')}: <a href={telHref(phone())}>{phone()}</a>
          </p>
        )}
      </Show>
      <Show when={webLink(props.contact.website)}>
        {(link) => (
          <p>
            {t('offerPage.contact.website')}: <a href={link().href}>{link().text}</a>
          </p>
        )}
      </Show>
    </>
  );
}

/** Whom a family asks about the offer: its provider, or the region's coordination where the provider gave no way to reach it. */
function ContactSection(props: { contact: OfferDetail['providerContact'] }) {
  const { region } = useRegion();
  const reachable = () => !!props.contact && !!(props.contact.email || props.contact.phone || webLink(props.contact.website));
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">{t('offerPage.contact.title')}</h2>
      <Show when={props.contact?.name}>
        {(name) => (
          <p>
            <strong>{name()}</strong>
          </p>
        )}
      </Show>
      <Show
        when={reachable()}
        fallback={
          <Show when={region()?.contact}>
            {(coordination) => (
              <>
                <p>{t('offerPage.contact.viaRegion')}</p>
                <p>{coordination().name}</p>
                <ContactLines contact={coordination()} />
              </>
            )}
          </Show>
        }
      >
        <ContactLines contact={props.contact ?? {}} />
      </Show>
    </section>
  );
}

function OfferDetails(props: { offer: OfferDetail; onBooked: () => void }) {
  const { categoryName, municipalityName } = useRegion();
  return (
    <article>
      <h1>{props.offer.title}</h1>
      <p class="card-meta">
        {categoryName(props.offer.category)} · {municipalityName(props.offer.municipalityId)}
        <Show when={props.offer.providerName}> · {props.offer.providerName}</Show>
      </p>
      <Show when={props.offer.status === 'cancelled'}>
        <p class="notice warning" role="note">
          {t('offer.cancelled')}
        </p>
      </Show>
      <p class="description">{props.offer.description}</p>
      <Facts
        items={[
          { term: t('offer.age'), value: ageText(props.offer) },
          {
            term: t('offer.price'),
            value:
              props.offer.price.reduced === undefined
                ? priceText(props.offer)
                : `${priceText(props.offer)} (${t('offer.reduced', { price: formatPrice(props.offer.price.reduced) })})`,
          },
          {
            term: t('offer.registration'),
            value:
              t('offer.window', { from: formatDateTime(props.offer.registrationOpens), to: formatDateTime(props.offer.registrationCloses) }) +
              (props.offer.bookingMode === 'lottery' ? ` · ${t('offer.lottery')}` : ''),
          },
          { term: t('offer.address'), value: props.offer.address },
          { term: t('offer.accessibility'), value: props.offer.accessibility },
          { term: t('offer.whatToBring'), value: props.offer.whatToBring },
        ]}
      />
      <PlacesBadge offer={props.offer} />
      <Show when={props.offer.units.length > 1}>
        <ul class="units">
          <For each={props.offer.units}>
            {(u) => (
              <li>
                {localizeMessage(u.label)}: <PlacesBadge offer={{ units: [u], waitlist: props.offer.waitlist }} />
              </li>
            )}
          </For>
        </ul>
      </Show>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('offer.sessions', { n: props.offer.sessions.length })}</h2>
        <ol class="sessions">
          <For each={props.offer.sessions}>
            {(s) => (
              <li>
                <strong>{formatDate(s.start)}</strong>, {formatTime(s.start)}–{formatTime(s.end)} · {s.place}
                {/* Which week or group meets then, where the offer has several. */}
                <Show when={props.offer.units.length > 1 && props.offer.units.find((u) => u.id === s.unitId)}>{(unit) => <> · {unit().label}</>}</Show>
              </li>
            )}
          </For>
        </ol>
        <p>
          <CalendarLinks href={api.calendarUrl({ offer: props.offer.id })} label={t('offer.addToCalendar')} fileName={`${props.offer.id}.ics`} />
        </p>
      </section>

      <BookingPanel offer={props.offer} onBooked={props.onBooked} />
      <ContactSection contact={props.offer.providerContact} />
    </article>
  );
}

export default function OfferPage() {
  const params = useParams();
  const { offer, refetch } = createOffer(() => params.id ?? '');
  usePageTitle(() => (offer.state === 'ready' ? offer()?.title : t('offer.title')));
  return (
    <div class="page offer-page">
      <BackLink href="/" label={t('offer.back')} />
      <AsyncView resource={offer} retry={refetch}>
        {(o) => <OfferDetails offer={o()} onBooked={() => void refetch()} />}
      </AsyncView>
    </div>
  );
}
