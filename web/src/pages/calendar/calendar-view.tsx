import { For, Show, createMemo, createUniqueId } from 'solid-js';
import { api, type Offer, type OfferQuery } from '../../api/client';
import { AsyncView, Loading } from '../../components/async-view';
import { InputFilter, SelectFilter } from '../../components/filter-fields';
import { CalendarLinks } from '../../components/calendar-links';
import { OfferCard } from '../../components/offer-card';
import { addDays, addMonths, daysBetween, periodOf } from '../../lib/dates';
import { useQueryParams } from '../../lib/search';
import { locale, t } from '../../i18n';
import { dayOf, formatDay, formatTime, today } from '../../i18n/format';
import { createOffers } from '../../stores/offers';
import { useRegion } from '../../stores/region';

type View = 'list' | 'week' | 'month';
const FILTERS = ['municipality', 'category', 'age', 'from', 'to', 'q', 'available'] as const;
/** The day whose week or month is shown while browsing; kept apart from the "Von" filter. */
const PERIOD = 'at';

/** Filters as a form whose every change goes to the URL, so a filtered view can be linked. */
function Filters(props: { fixedMunicipality?: boolean }) {
  const { get, set } = useQueryParams();
  const { region, municipalities } = useRegion();
  const id = createUniqueId();
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next: Record<string, string | undefined> = {};
    for (const name of FILTERS) if (data.has(name)) next[name] = String(data.get(name)).trim();
    next.available = data.has('available') ? '1' : undefined;
    if ((next.from || undefined) !== get('from')) next[PERIOD] = undefined; // a new "Von" shows its own week or month
    set(next);
  };
  // In the embed the municipality is the frame's scope, not a filter: reset keeps it.
  const own = () => FILTERS.filter((f) => !(props.fixedMunicipality && f === 'municipality'));
  const active = () => own().filter((f) => get(f) !== undefined).length;
  return (
    <details class="filter-box" open={active() > 0 || matchMedia('(min-width: 40rem)').matches}>
      <summary>
        {t('calendar.filters')}
        {active() > 0 && ` (${active()})`}
      </summary>
      <form
        class="filters"
        role="search"
        aria-label={t('calendar.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
        onChange={(e) => apply(e.currentTarget)}
      >
        <InputFilter class="filter-q" name="q" type="search" label={t('calendar.search')} value={get('q')} />
        <Show when={!props.fixedMunicipality}>
          <SelectFilter
            name="municipality"
            label={t('calendar.municipality')}
            anyLabel={t('calendar.all')}
            value={get('municipality')}
            options={(municipalities() ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Show>
        <SelectFilter
          name="category"
          label={t('calendar.category')}
          anyLabel={t('calendar.all')}
          value={get('category')}
          options={(region()?.categories ?? []).map((c) => ({ value: c.id, label: c.name[locale()] }))}
        />
        <InputFilter name="age" type="number" min="0" max="99" label={t('calendar.age')} value={get('age')} />
        <InputFilter name="from" type="date" label={t('calendar.from')} value={get('from')} />
        <InputFilter name="to" type="date" label={t('calendar.to')} value={get('to')} />
        <div class="field checkbox">
          <input id={`${id}-av`} name="available" type="checkbox" checked={get('available') === '1'} />
          <label for={`${id}-av`}>{t('calendar.available')}</label>
        </div>
        <div class="filter-actions">
          <button type="submit" class="button">
            {t('calendar.apply')}
          </button>
          <button type="button" class="button secondary" onClick={() => set(Object.fromEntries(own().map((f) => [f, undefined])))}>
            {t('calendar.reset')}
          </button>
        </div>
      </form>
    </details>
  );
}

function ViewSwitch() {
  const { get, set } = useQueryParams();
  const current = () => (get('view') ?? 'list') as View;
  return (
    <div class="view-switch" role="group" aria-label={t('calendar.view')}>
      <For each={['list', 'week', 'month'] as View[]}>
        {(v) => (
          <button type="button" aria-pressed={current() === v} onClick={() => set({ view: v === 'list' ? undefined : v })}>
            {t(`calendar.view_${v}`)}
          </button>
        )}
      </For>
    </div>
  );
}

type Entry = { offer: Offer; start: string };

/** Week or month as days holding each session of the loaded offers, in the region's zone. */
function DayGrid(props: { view: 'week' | 'month'; offers: Offer[]; from: string; to: string; anchor: string; linkTarget?: string; linkBase?: string }) {
  const { set } = useQueryParams();
  const { municipalityName } = useRegion();
  const byDay = createMemo(() => {
    const map = new Map<string, Entry[]>();
    for (const offer of props.offers)
      for (const s of offer.sessions) {
        const day = dayOf(s.start);
        map.set(day, [...(map.get(day) ?? []), { offer, start: s.start }]);
      }
    for (const list of map.values()) list.sort((a, b) => a.start.localeCompare(b.start));
    return map;
  });
  const month = () => props.anchor.slice(0, 7);
  const step = (n: number) => (props.view === 'week' ? addDays(props.from, 7 * n) : addMonths(props.anchor, n));
  const title = () =>
    props.view === 'week'
      ? `${formatDay(props.from, { day: 'numeric', month: 'short' })} – ${formatDay(props.to, { day: 'numeric', month: 'short', year: 'numeric' })}`
      : formatDay(`${month()}-01`, { month: 'long', year: 'numeric' });
  return (
    <section class="day-grid-wrap" aria-labelledby="period-title">
      <div class="period-nav">
        <button type="button" class="button secondary" onClick={() => set({ [PERIOD]: step(-1) })}>
          <span aria-hidden="true">‹ </span>
          {t(props.view === 'week' ? 'calendar.prevWeek' : 'calendar.prevMonth')}
        </button>
        <h2 id="period-title" aria-live="polite">
          {title()}
        </h2>
        <button type="button" class="button secondary" onClick={() => set({ [PERIOD]: step(1) })}>
          {t(props.view === 'week' ? 'calendar.nextWeek' : 'calendar.nextMonth')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <Show when={daysBetween(props.from, props.to).every((d) => !byDay().get(d))}>
        <p class="state state-empty">{t('calendar.noneInPeriod')}</p>
      </Show>
      <ol class={`day-grid ${props.view}`}>
        <For each={daysBetween(props.from, props.to)}>
          {(day) => (
            <li class="day" classList={{ empty: !byDay().get(day), outside: props.view === 'month' && day.slice(0, 7) !== month(), today: day === today() }}>
              <h3 class="day-label">{formatDay(day)}</h3>
              <Show when={byDay().get(day)}>
                {(entries) => (
                  <ul>
                    <For each={entries()}>
                      {(e) => (
                        <li>
                          <a href={`${props.linkBase ?? ''}/offers/${e.offer.id}`} target={props.linkTarget} rel={props.linkTarget ? 'noopener' : undefined}>
                            <span class="time">{formatTime(e.start)}</span> {e.offer.title}
                            <span class="entry-where"> · {municipalityName(e.offer.municipalityId)}</span>
                          </a>
                        </li>
                      )}
                    </For>
                  </ul>
                )}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

/**
 * The regional calendar: filters, list or week/month view, iCal subscription. Used by the
 * calendar page and by the embeddable calendar (which fixes the municipality and opens offers in
 * a new tab of the full site).
 */
export function CalendarView(props: { municipality?: string; linkTarget?: string; linkBase?: string }) {
  const { get } = useQueryParams();
  const view = () => (get('view') ?? 'list') as View;
  const anchor = () => get(PERIOD) ?? get('from') ?? today();
  const period = () => (view() === 'list' ? undefined : periodOf(view() as 'week' | 'month', anchor()));
  const query = createMemo<OfferQuery>(() => ({
    municipality: props.municipality ?? get('municipality'),
    category: get('category'),
    age: get('age') === undefined ? undefined : Number(get('age')),
    q: get('q'),
    available: get('available') === '1' ? true : undefined,
    from: period()?.from ?? get('from'),
    to: period()?.to ?? get('to'),
    limit: view() === 'list' ? 20 : 100,
  }));
  const offers = createOffers(query);
  return (
    <>
      <Filters fixedMunicipality={props.municipality !== undefined} />
      <div class="toolbar">
        <ViewSwitch />
        <CalendarLinks
          href={api.calendarUrl({ municipality: query().municipality, category: query().category })}
          label={t('calendar.subscribe')}
          fileName="regiokurs.ics"
        />
      </div>
      <Show when={offers.first.state === 'refreshing'}>
        <Loading />
      </Show>
      <AsyncView resource={offers.first} empty={t('calendar.none')} isEmpty={(items) => items.length === 0 && view() === 'list'}>
        {() => (
          <>
            <p class="result-count" role="status">
              {t('calendar.count', offers.items().length, offers.hasMore())}
            </p>
            <Show
              when={period()}
              fallback={
                <div class="card-list">
                  <For each={offers.items()}>{(o) => <OfferCard offer={o} linkTarget={props.linkTarget} linkBase={props.linkBase} />}</For>
                </div>
              }
            >
              {(p) => (
                <DayGrid
                  view={view() as 'week' | 'month'}
                  offers={offers.items()}
                  from={p().from}
                  to={p().to}
                  anchor={anchor()}
                  linkTarget={props.linkTarget}
                  linkBase={props.linkBase}
                />
              )}
            </Show>
            <Show when={offers.hasMore()}>
              <button type="button" class="button secondary load-more" disabled={offers.loadingMore()} onClick={() => void offers.loadMore()}>
                {offers.loadingMore() ? t('state.loading') : t('calendar.more')}
              </button>
            </Show>
          </>
        )}
      </AsyncView>
    </>
  );
}
