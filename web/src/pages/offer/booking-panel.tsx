import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createResource, createSignal, createUniqueId } from 'solid-js';
import { guardianInput } from '../../../../shared/schemas/household';
import { api, ApiError, type Child, type GuardianInput, type Household, type Offer, type Registration } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ageOn } from '../../lib/dates';
import { createForm } from '../../lib/form';
import { localizeMessage, t } from '../../i18n';
import { tp } from '../../i18n/programme';
import { dayOf, formatDateTime } from '../../i18n/format';
import { createHousehold, guardianDraft } from '../../stores/household';
import { useSession } from '../../stores/session';
import { ChildForm } from '../family/child-form';
import { GuardianFields } from '../family/guardian-fields';
import { OpeningNotice } from './opening-notice';

type Unit = Offer['units'][number];

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

/**
 * Whether a child booked into `unit` now waits instead of getting a place, as the server plans it
 * (`planUnit`): no place is free, or families wait already (I3: nobody new overtakes the line).
 */
const joinsWaitlist = (unit: Unit) => unit.waiting > 0 || unit.capacity - unit.confirmed <= 0;

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
  // An offer of one unit has no unit to choose: it is always the one booked.
  const onlyUnit = single ? [(props.offer.units[0] as Unit).id] : [];
  const [childIds, setChildIds] = createSignal<string[]>(
    props.children.length === 1 && fits(props.children[0] as Child, props.offer) ? [(props.children[0] as Child).id] : [],
  );
  const [unitIds, setUnitIds] = createSignal<string[]>(onlyUnit);
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
  /** The units the booking goes to: those ticked, or, before any is, every unit of the offer. */
  const chosenUnits = () => (unitIds().length ? props.offer.units.filter((u) => unitIds().includes(u.id)) : props.offer.units);
  const waitsOnly = () => props.offer.waitlist && chosenUnits().every(joinsWaitlist);
  const someWait = () => props.offer.waitlist && chosenUnits().some(joinsWaitlist);
  const waitlistHintId = createUniqueId();
  let resultHeading!: HTMLHeadingElement;
  let form: HTMLFormElement | undefined;

  /** Another booking starts from nothing chosen, so nobody books the child just booked a second time by mistake. */
  function startAgain() {
    setChildIds([]);
    setUnitIds(onlyUnit);
    key = crypto.randomUUID();
    setError(undefined);
    setResults(undefined);
    queueMicrotask(() => form?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus());
  }

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
        <form class="booking-form" onSubmit={book} noValidate ref={form}>
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
          <Show when={someWait()}>
            <p class="hint" id={waitlistHintId}>
              {t('offerPage.waitlist.hint')}
            </p>
          </Show>
          <button type="submit" class="button primary big" disabled={busy()} aria-describedby={someWait() ? waitlistHintId : undefined}>
            {busy() ? t('state.sending') : waitsOnly() ? t('offerPage.waitlist.submit', { n: items().length }) : t('booking.submit', { n: items().length })}
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
          <Show when={list().some((r) => r.status === 'waitlisted')}>
            <p class="hint">{t('offerPage.waitlist.hint')}</p>
          </Show>
          <p>
            <A href="/bookings">{t('booking.toBookings')}</A>
          </p>
          <button type="button" class="button secondary" onClick={startAgain}>
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

/** The guardian's contact, asked before the first booking: a provider must be able to reach the family. */
function ContactStep(props: { household: Household; onSave: (guardian: GuardianInput) => Promise<void> }) {
  const form = createForm({ schema: guardianInput, initial: guardianDraft(props.household) });
  const id = createUniqueId();
  return (
    <form
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(props.onSave);
      }}
    >
      <h3 id={`${id}-title`}>{t('offerPage.firstBooking.contactTitle')}</h3>
      <p>{t('offerPage.firstBooking.contactLead')}</p>
      <GuardianFields form={form} />
      <Show when={form.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <button type="submit" class="button primary" disabled={form.busy()}>
        {form.busy() ? t('state.saving') : t('offerPage.firstBooking.contactSubmit')}
      </button>
    </form>
  );
}

/**
 * A family's booking, with what its first one needs asked right here, so that the parent stays on
 * the offer: the guardian's contact, then a child, then the choice of children and units.
 * `onStep` runs when one of these steps is done and the next one shows.
 */
function FamilyBooking(props: { offer: Offer; onBooked: () => void; onStep: () => void }) {
  const household = createHousehold();
  return (
    <AsyncView resource={household.household}>
      {(h) => (
        <Show
          when={household.hasContact()}
          fallback={<ContactStep household={h()} onSave={(guardian) => household.saveGuardian(guardian).then(props.onStep)} />}
        >
          <AsyncView resource={household.children}>
            {(list) => (
              <Show
                when={(list() ?? []).length > 0}
                fallback={
                  <>
                    <h3>{t('child.addTitle')}</h3>
                    <p>{t('offerPage.firstBooking.childLead')}</p>
                    <ChildForm onSave={(input) => household.addChild(input).then(props.onStep)} />
                  </>
                }
              >
                <BookingForm offer={props.offer} children={list() ?? []} onBooked={props.onBooked} />
              </Show>
            )}
          </AsyncView>
        </Show>
      )}
    </AsyncView>
  );
}

/** Booking for a signed-in family: pick children (and weeks), book, see confirmed or waitlisted. */
export function BookingPanel(props: { offer: Offer; onBooked: () => void }) {
  const session = useSession();
  const window = () => windowOf(props.offer);
  let heading!: HTMLHeadingElement;
  return (
    <section class="booking" aria-labelledby="booking-title">
      <h2 id="booking-title" tabindex="-1" ref={heading}>
        {t('booking.title')}
      </h2>
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
          {/* Focus stays in the panel as the family goes from one step to the next. */}
          <FamilyBooking offer={props.offer} onBooked={props.onBooked} onStep={() => heading.focus()} />
        </Match>
      </Switch>
    </section>
  );
}
