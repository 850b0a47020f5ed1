import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createResource, createSignal, createUniqueId } from 'solid-js';
import { api, ApiError, type Child, type Offer, type Registration } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ageOn } from '../../lib/dates';
import { localizeMessage, t } from '../../i18n';
import { tp } from '../../i18n/programme';
import { dayOf, formatDateTime } from '../../i18n/format';
import { useSession } from '../../stores/session';
import { OpeningNotice } from './opening-notice';

type Window = 'open' | 'notYet' | 'closed';

function windowOf(offer: Offer, now = new Date().toISOString()): Window {
  if (new Date(now) < new Date(offer.registrationOpens)) return 'notYet';
  if (new Date(now) > new Date(offer.registrationCloses)) return 'closed';
  return 'open';
}

/** Whether a child's age on the first session lies in the offer's range, as the API checks it. */
function fits(child: Child, offer: Offer) {
  const first = offer.sessions[0];
  const age = ageOn(child.birthDate, first ? dayOf(first.start) : dayOf(new Date()));
  return age >= offer.ageRange.min && age <= offer.ageRange.max;
}

function toggle(list: string[], id: string, on: boolean) {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

/** One checkbox per option; a fieldset so the group's question is read with each option. */
function CheckGroup<T extends { id: string }>(props: {
  legend: string;
  options: T[];
  selected: string[];
  onChange: (next: string[]) => void;
  label: (o: T) => string;
  disabled?: (o: T) => string | undefined;
  error?: string;
}) {
  const id = createUniqueId();
  return (
    <fieldset class="check-group" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      <Show when={props.error}>
        {(message) => (
          <p class="field-error" id={`${id}-error`}>
            {localizeMessage(message())}
          </p>
        )}
      </Show>
      <For each={props.options}>
        {(o) => (
          <div class="field checkbox big">
            <input
              id={`${id}-${o.id}`}
              type="checkbox"
              checked={props.selected.includes(o.id)}
              disabled={!!props.disabled?.(o)}
              aria-describedby={props.disabled?.(o) ? `${id}-${o.id}-why` : undefined}
              onChange={(e) => props.onChange(toggle(props.selected, o.id, e.currentTarget.checked))}
            />
            <label for={`${id}-${o.id}`}>{props.label(o)}</label>
            <Show when={props.disabled?.(o)}>
              {(why) => (
                <span class="hint" id={`${id}-${o.id}-why`}>
                  {why()}
                </span>
              )}
            </Show>
          </div>
        )}
      </For>
    </fieldset>
  );
}

function BookingForm(props: { offer: Offer; children: Child[]; onBooked: () => void }) {
  const single = props.offer.units.length === 1;
  const [childIds, setChildIds] = createSignal<string[]>(
    props.children.length === 1 && fits(props.children[0] as Child, props.offer) ? [(props.children[0] as Child).id] : [],
  );
  const [unitIds, setUnitIds] = createSignal<string[]>(single ? [(props.offer.units[0] as Offer['units'][number]).id] : []);
  const [results, setResults] = createSignal<Registration[]>();
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  /** The server names `childId`, `unitId` or `items.N.childId`: show it at that group. */
  const fieldError = (field: 'childId' | 'unitId') => {
    const err = error();
    return err instanceof ApiError ? err.problem.errors?.find((e) => e.path.endsWith(field))?.message : undefined;
  };
  // One key per attempted selection: a retry after a lost answer books once (I4).
  let key = crypto.randomUUID();
  const select = (set: (v: string[]) => void) => (v: string[]) => {
    set(v);
    key = crypto.randomUUID();
  };
  const items = () => childIds().flatMap((childId) => unitIds().map((unitId) => ({ unitId, childId })));
  const childName = (id: string) => props.children.find((c) => c.id === id)?.firstName ?? '';
  const unitLabel = (id: string) => localizeMessage(props.offer.units.find((u) => u.id === id)?.label ?? '');
  let resultHeading!: HTMLHeadingElement;

  async function book(e: SubmitEvent) {
    e.preventDefault();
    if (items().length === 0) return setError(new Error('none'));
    setBusy(true);
    setError(undefined);
    try {
      const list = items();
      const [one] = list;
      // Every registration of the answer names its unit and child; the result shows them as answered.
      setResults(await api.book(list.length === 1 && one ? { offerId: props.offer.id, ...one } : { offerId: props.offer.id, items: list }, key));
      key = crypto.randomUUID();
      props.onBooked();
      queueMicrotask(() => resultHeading?.focus());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show
      when={results()}
      fallback={
        <form class="booking-form" onSubmit={book} noValidate>
          <CheckGroup
            legend={t('booking.whichChildren')}
            options={props.children}
            selected={childIds()}
            onChange={select(setChildIds)}
            label={(c) => c.firstName}
            disabled={(c) => (fits(c, props.offer) ? undefined : t('booking.ageMismatch'))}
            error={fieldError('childId')}
          />
          <Show when={!single}>
            <CheckGroup
              legend={t('booking.whichUnits')}
              options={props.offer.units}
              selected={unitIds()}
              onChange={select(setUnitIds)}
              label={(u) =>
                `${localizeMessage(u.label)} – ${u.capacity - u.confirmed > 0 ? t('offer.freePlaces', { n: u.capacity - u.confirmed }) : t('offer.fullWaitlist', { n: u.waiting })}`
              }
              error={fieldError('unitId')}
            />
          </Show>
          <Show when={error()}>
            {(err) =>
              err() instanceof Error && (err() as Error).message === 'none' ? (
                <p class="field-error" role="alert">
                  {t('booking.chooseSomething')}
                </p>
              ) : (
                <ErrorNotice error={err()} />
              )
            }
          </Show>
          <button type="submit" class="button primary big" disabled={busy()}>
            {busy() ? t('state.sending') : t('booking.submit', { n: items().length })}
          </button>
        </form>
      }
    >
      {(list) => (
        <div class="booking-result" role="status">
          <h3 tabindex="-1" ref={resultHeading}>
            {t('booking.resultTitle')}
          </h3>
          <ul>
            <For each={list()}>
              {(r) => (
                <li class={`result result-${r.status}`}>
                  <strong>{childName(r.childId)}</strong>
                  <Show when={!single}> · {unitLabel(r.unitId)}</Show>:{' '}
                  <Switch fallback={t(`status.${r.status}`)}>
                    <Match when={r.status === 'waitlisted'}>{t('booking.waitlisted', { n: r.waitlistPosition ?? '?' })}</Match>
                    <Match when={r.status === 'confirmed'}>{t('booking.confirmed')}</Match>
                  </Switch>
                </li>
              )}
            </For>
          </ul>
          <p>
            <A href="/bookings">{t('booking.toBookings')}</A>
          </p>
          <button type="button" class="button secondary" onClick={() => setResults(undefined)}>
            {t('booking.again')}
          </button>
        </div>
      )}
    </Show>
  );
}

/** A lottery offer of a holiday programme: its places are drawn there, where families enter their wishes. */
function DrawnInProgramme(props: { programmeId: string }) {
  const session = useSession();
  const [programme] = createResource(() => props.programmeId, api.programme);
  const known = () => (programme.state === 'ready' ? programme() : undefined);
  const base = () => `/programmes/${encodeURIComponent(props.programmeId)}`;
  return (
    <>
      <p>{known() ? tp('programme.panel.drawn', { title: known()?.title ?? '' }) : tp('programme.panel.drawnUnnamed')}</p>
      <p>
        <A href={base()}>{tp('programme.panel.toProgramme')}</A>
      </p>
      <Show when={session.hasRole('family') && known()?.status}>
        {(status) => (
          <Switch>
            <Match when={status() === 'wishing'}>
              <A class="button primary big" href={`${base()}/wishes`}>
                {tp('programme.cta.wish')}
              </A>
            </Match>
            <Match when={status() === 'published'}>
              <A class="button primary big" href={`${base()}/result`}>
                {tp('programme.cta.result')}
              </A>
            </Match>
          </Switch>
        )}
      </Show>
    </>
  );
}

/** Booking for a signed-in family: pick children (and weeks), book, see confirmed or waitlisted. */
export function BookingPanel(props: { offer: Offer; onBooked: () => void }) {
  const session = useSession();
  const [children] = createResource(
    () => session.hasRole('family') || undefined,
    () => api.children(),
  );
  const window = () => windowOf(props.offer);
  return (
    <section class="booking" aria-labelledby="booking-title">
      <h2 id="booking-title">{t('booking.title')}</h2>
      <Switch>
        <Match when={props.offer.status !== 'published'}>
          <p>{t('offer.cancelled')}</p>
        </Match>
        <Match when={props.offer.bookingMode === 'lottery' && props.offer.programmeId}>
          {(programmeId) => <DrawnInProgramme programmeId={programmeId()} />}
        </Match>
        <Match when={window() === 'notYet'}>
          <p>{t('booking.opensAt', { at: formatDateTime(props.offer.registrationOpens) })}</p>
          <OpeningNotice offer={props.offer} />
        </Match>
        <Match when={window() === 'closed'}>
          <p>{t('booking.closed')}</p>
        </Match>
        <Match when={props.offer.bookingMode === 'lottery'}>
          <p>{t('booking.lotteryNotYet')}</p>
        </Match>
        <Match when={session.me.state !== 'ready'}>
          <p role="status">{t('state.loading')}</p>
        </Match>
        <Match when={!session.me()}>
          <A class="button primary big" href={`/sign-in?next=${encodeURIComponent(`/offers/${props.offer.id}`)}`}>
            {t('booking.signInToBook')}
          </A>
        </Match>
        <Match when={!session.hasRole('family')}>
          <p>{t('booking.familiesOnly')}</p>
        </Match>
        <Match when={true}>
          <AsyncView resource={children} empty={<A href="/family">{t('booking.addChildFirst')}</A>} isEmpty={(c) => (c ?? []).length === 0}>
            {(list) => <BookingForm offer={props.offer} children={list() ?? []} onBooked={props.onBooked} />}
          </AsyncView>
        </Match>
      </Switch>
    </section>
  );
}
