import { For, Show, createMemo } from 'solid-js';
import { OTHER_RESIDENCE } from '../../../../shared/schemas/dashboard';
import { api, type Dashboard, type DashboardQuery } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { InputFilter, SelectFilter } from '../../components/filter-fields';
import { RolePage } from '../../components/role-page';
import { useQueryParams } from '../../lib/search';
import { t } from '../../i18n';
import { formatDay, formatPercent, today } from '../../i18n/format';
import { addDays } from '../../lib/dates';
import { createDashboard } from '../../stores/dashboard';
import { useRegion } from '../../stores/region';
import { useSession } from '../../stores/session';
import { ChartWithTable } from './chart';

type Count = number | '<3';
const show = (v: Count | null | undefined) => (v === undefined || v === null ? '–' : String(v));
const rate = (v: Count | null) => (typeof v === 'number' ? formatPercent(v) : show(v));

function Kpis(props: { data: Dashboard }) {
  const tiles = () => {
    const totals = props.data.totals;
    return [
      [t('dashboard.offers'), show(totals.offers)],
      [t('dashboard.places'), show(totals.places)],
      [t('dashboard.confirmed'), show(totals.confirmed)],
      [t('dashboard.waiting'), show(totals.waiting)],
      [t('dashboard.fillRate'), rate(totals.fillRate)],
      [t('dashboard.attendanceRate'), rate(totals.attendanceRate)],
      [t('dashboard.families'), show(totals.families)],
      [t('dashboard.children'), show(totals.children)],
    ] as const;
  };
  return (
    <ul class="kpis">
      <For each={tiles()}>
        {([label, value]) => (
          <li>
            <span class="value">{value}</span>
            {label}
          </li>
        )}
      </For>
    </ul>
  );
}

/** Where children live × where they take part; the region's cross-municipal use at a glance. */
function Matrix(props: { cells: Dashboard['matrix'] }) {
  const { municipalityName } = useRegion();
  const name = (id: string) => (id === OTHER_RESIDENCE ? t('dashboard.otherResidence') : municipalityName(id));
  const rows = () => [...new Set(props.cells.map((c) => c.residence))];
  const cols = () => [...new Set(props.cells.map((c) => c.location))];
  const cell = (r: string, c: string) => show(props.cells.find((x) => x.residence === r && x.location === c)?.children);
  return (
    <section class="table-scroll">
      <table>
        <caption>{t('dashboard.matrix')}</caption>
        <thead>
          <tr>
            <th scope="col">
              {t('dashboard.residence')} \ {t('dashboard.location')}
            </th>
            <For each={cols()}>{(c) => <th scope="col">{name(c)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(r) => (
              <tr>
                <th scope="row">{name(r)}</th>
                <For each={cols()}>{(c) => <td>{cell(r, c)}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function DashboardContent() {
  const session = useSession();
  const { municipalities } = useRegion();
  const { get, set } = useQueryParams();
  const scope = () => session.municipalityScope();
  // The API wants a range; by default the last month and the next half year of offers.
  const query = createMemo<DashboardQuery>(() => ({
    municipality: scope() === '*' || scope() === undefined ? get('municipality') : scope(),
    from: get('from') ?? addDays(today(), -30),
    to: get('to') ?? addDays(today(), 183),
  }));
  const { dashboard, refetch } = createDashboard(query);
  return (
    <>
      <form
        class="filters"
        aria-label={t('dashboard.title')}
        onChange={(e) => set(Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>)}
        onSubmit={(e) => e.preventDefault()}
      >
        <Show when={scope() === '*' || scope() === undefined}>
          <SelectFilter
            name="municipality"
            label={t('dashboard.municipality')}
            anyLabel={t('dashboard.wholeRegion')}
            value={get('municipality')}
            options={(municipalities() ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Show>
        <InputFilter name="from" type="date" label={t('dashboard.from')} value={query().from} />
        <InputFilter name="to" type="date" label={t('dashboard.to')} value={query().to} />
      </form>
      <p>
        <a class="button secondary" href={api.dashboardCsvUrl(query())} download="">
          {t('dashboard.csv')}
        </a>
      </p>
      <AsyncView resource={dashboard} retry={() => void refetch()}>
        {(data) => <DashboardBody data={data()} />}
      </AsyncView>
    </>
  );
}

function DashboardBody(props: { data: Dashboard }) {
  const { categoryName } = useRegion();
  const demandSeries = <T extends { confirmed: Count; waiting: Count }>(rows: T[]) => [
    { label: t('dashboard.confirmed'), values: rows.map((r) => r.confirmed) },
    { label: t('dashboard.waiting'), values: rows.map((r) => r.waiting) },
  ];
  return (
    <>
      <Kpis data={props.data} />
      <div class="dashboard-grid">
        <ChartWithTable
          type="bar"
          title={t('dashboard.byCategory')}
          labelHeading={t('provider.category')}
          labels={props.data.byCategory.map((c) => categoryName(c.category))}
          series={demandSeries(props.data.byCategory)}
        />
        <ChartWithTable
          type="bar"
          title={t('dashboard.byAge')}
          labelHeading={t('offer.age')}
          labels={props.data.byAgeBand.map((b) => b.band)}
          series={demandSeries(props.data.byAgeBand)}
        />
        <ChartWithTable
          type="line"
          title={t('dashboard.weekly')}
          labelHeading={t('dashboard.week')}
          labels={props.data.weekly.map((w) => formatDay(w.week))}
          series={demandSeries(props.data.weekly)}
        />
        <Matrix cells={props.data.matrix} />
      </div>
    </>
  );
}

export default function DashboardPage() {
  return (
    <RolePage title={t('dashboard.title')} lead={t('dashboard.lead')} roles={['municipality', 'admin']}>
      <DashboardContent />
    </RolePage>
  );
}
