import { For, Show, createMemo } from 'solid-js';
import { api, type CountCell, type Dashboard } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { InputFilter, SelectFilter } from '../../components/filter-fields';
import { RolePage } from '../../components/role-page';
import { useQueryParams } from '../../lib/search';
import { t } from '../../i18n';
import { formatPercent } from '../../i18n/format';
import { createDashboard } from '../../stores/dashboard';
import { useRegion } from '../../stores/region';
import { useSession } from '../../stores/session';
import { ChartWithTable } from './chart';

const show = (v: CountCell | undefined) => (v === undefined ? '–' : String(v));

function Kpis(props: { data: Dashboard }) {
  const tiles = () => [
    [t('dashboard.offers'), show(props.data.totals.offers)],
    [t('dashboard.places'), show(props.data.totals.places)],
    [t('dashboard.confirmed'), show(props.data.totals.confirmed)],
    [t('dashboard.waiting'), show(props.data.totals.waiting)],
    [t('dashboard.fillRate'), props.data.totals.fillRate === undefined ? '–' : formatPercent(props.data.totals.fillRate)],
    [t('dashboard.attendanceRate'), props.data.totals.attendanceRate === undefined ? '–' : formatPercent(props.data.totals.attendanceRate)],
    [t('dashboard.families'), show(props.data.totals.familiesServed)],
  ];
  return (
    <ul class="kpis">
      <For each={tiles()}>
        {([label, value]) => (
          <li>
            <span class="value" data-kpi={label}>
              {value}
            </span>
            {label}
          </li>
        )}
      </For>
    </ul>
  );
}

function Matrix(props: { cells: NonNullable<Dashboard['residenceByLocation']> }) {
  const { municipalityName } = useRegion();
  const rows = () => [...new Set(props.cells.map((c) => c.residence))];
  const cols = () => [...new Set(props.cells.map((c) => c.location))];
  const cell = (r: string, c: string) => show(props.cells.find((x) => x.residence === r && x.location === c)?.count);
  return (
    <section>
      <h2>{t('dashboard.matrix')}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">
                {t('dashboard.residence')} \ {t('dashboard.location')}
              </th>
              <For each={cols()}>{(c) => <th scope="col">{municipalityName(c)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <th scope="row">{municipalityName(r)}</th>
                  <For each={cols()}>{(c) => <td>{cell(r, c)}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DashboardContent() {
  const session = useSession();
  const { municipalities } = useRegion();
  const { get, set } = useQueryParams();
  const scope = () => session.municipalityScope();
  const query = createMemo(() => ({ municipality: scope() === '*' || scope() === undefined ? get('municipality') : scope(), from: get('from'), to: get('to') }));
  const { dashboard, refetch } = createDashboard(query);
  return (
    <>
      <form class="filters" aria-label={t('dashboard.title')} onChange={(e) => set(Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>)} onSubmit={(e) => e.preventDefault()}>
        <Show when={scope() === '*' || scope() === undefined}>
          <SelectFilter name="municipality" label={t('dashboard.municipality')} anyLabel={t('dashboard.wholeRegion')} value={get('municipality')} options={(municipalities() ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        </Show>
        <InputFilter name="from" type="date" label={t('dashboard.from')} value={get('from')} />
        <InputFilter name="to" type="date" label={t('dashboard.to')} value={get('to')} />
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
  const byCategory = () => props.data.byCategory ?? [];
  const byAge = () => props.data.byAgeBand ?? [];
  const weekly = () => props.data.weekly ?? [];
  return (
    <>
      <Kpis data={props.data} />
      <div class="dashboard-grid">
        <Show when={byCategory().length}>
          <ChartWithTable
            type="bar"
            title={t('dashboard.byCategory')}
            labelHeading={t('provider.category')}
            labels={byCategory().map((c) => categoryName(c.category))}
            series={[
              { label: t('dashboard.confirmed'), values: byCategory().map((c) => c.confirmed) },
              { label: t('dashboard.waiting'), values: byCategory().map((c) => c.waiting) },
            ]}
          />
        </Show>
        <Show when={byAge().length}>
          <ChartWithTable type="bar" title={t('dashboard.byAge')} labelHeading={t('offer.age')} labels={byAge().map((b) => b.band)} series={[{ label: t('dashboard.waiting'), values: byAge().map((b) => b.waiting) }]} />
        </Show>
        <Show when={weekly().length}>
          <ChartWithTable type="line" title={t('dashboard.weekly')} labelHeading={t('dashboard.week')} labels={weekly().map((w) => w.week)} series={[{ label: t('dashboard.bookings'), values: weekly().map((w) => w.bookings) }]} />
        </Show>
        <Show when={props.data.residenceByLocation?.length}>
          <Matrix cells={props.data.residenceByLocation ?? []} />
        </Show>
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
