import { For, Show, createResource, type JSX } from 'solid-js';
import { api, type FairnessReport, type UnitCutoff } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { locale } from '../../i18n';
import { tp } from '../../i18n/programme';
import { formatPercent } from '../../i18n/format';
import { createProgrammeReport } from '../../stores/admin-programmes';
import { useRegion } from '../../stores/region';

type Group = FairnessReport['groups'][number];

/** A suppressed cell (under 3 children) is null and shown as a dash, as the lead explains. */
const count = (n: number | null) => (n === null ? '–' : String(n));
const share = (n: number | null) => (n === null ? '–' : formatPercent(n));
const decimal = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(locale() === 'de' ? 'de-AT' : 'en-GB', { maximumFractionDigits: 2 }).format(n));

/** A table that may be wider than a phone: it scrolls by itself and can be reached by keyboard. */
function ScrollTable(props: { caption: string; children: JSX.Element }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        {props.children}
      </table>
    </div>
  );
}

function Figures(props: { report: FairnessReport }) {
  const r = () => props.report;
  const tiles = (): Array<[string, string]> => [
    [tp('programmeAdmin.children'), String(r().children)],
    [tp('programmeAdmin.wishes'), String(r().wishes)],
    [tp('programmeAdmin.placed'), tp('programmeAdmin.placedOf', { placed: r().placed, max: r().placeableMax })],
    [tp('programmeAdmin.zeroPlaceShare'), formatPercent(r().zeroPlaceShare)],
    [tp('programmeAdmin.meanPlaces'), decimal(r().placesPerChild.mean)],
    [tp('programmeAdmin.gini'), decimal(r().placesPerChild.gini)],
    [tp('programmeAdmin.firstWishShare'), formatPercent(r().firstWishShare)],
    [tp('programmeAdmin.topThreeShare'), formatPercent(r().topThreeShare)],
    [tp('programmeAdmin.rescueMoves'), String(r().rescueMoves)],
    [tp('programmeAdmin.rescueRankLoss'), String(r().rescueRankLoss)],
    [tp('programmeAdmin.bundlesSplit'), tp('programmeAdmin.ofTotal', { n: r().bundles.split, total: r().bundles.allOrNone })],
    [tp('programmeAdmin.preferKept'), tp('programmeAdmin.ofTotal', { n: r().bundles.preferKept, total: r().bundles.prefer })],
    [tp('programmeAdmin.seatsFilled'), tp('programmeAdmin.ofTotal', { n: r().seatsFilled, total: r().seats })],
    [tp('programmeAdmin.wastedSeats'), String(r().wastedSeats)],
    [tp('programmeAdmin.reserveUsed'), tp('programmeAdmin.ofTotal', { n: r().reserve.usedByResidents, total: r().reserve.seats })],
    [tp('programmeAdmin.reserveReleased'), String(r().reserve.released)],
    [tp('programmeAdmin.removedWishes'), String(Object.values(r().removedWishes).reduce((a, b) => a + b, 0))],
    [tp('programmeAdmin.changesAfterFreeze'), String(r().inputChangesAfterFreeze)],
    [tp('programmeAdmin.manualOverrides'), String(r().manualOverrides)],
  ];
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

function Groups(props: { groups: Group[] }) {
  const { municipalityName } = useRegion();
  const known = new Set(['all', 'elsewhere', 'resident', 'nonResident', 'le3', 'gt3']);
  const valueName = (g: Group) => {
    if (known.has(g.value)) return tp(`programmeAdmin.value_${g.value as 'all'}`);
    return g.dimension === 'municipality' ? municipalityName(g.value) : g.value;
  };
  return (
    <ScrollTable caption={tp('programmeAdmin.groupsCaption')}>
      <thead>
        <tr>
          <th scope="col">{tp('programmeAdmin.dimension')}</th>
          <th scope="col">{tp('programmeAdmin.group')}</th>
          <th scope="col">{tp('programmeAdmin.children')}</th>
          <th scope="col">{tp('programmeAdmin.zeroPlaceShare')}</th>
          <th scope="col">{tp('programmeAdmin.meanPlaces')}</th>
          <th scope="col">{tp('programmeAdmin.firstWishShare')}</th>
          <th scope="col">{tp('programmeAdmin.topThreeShare')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.groups}>
          {(g) => (
            <tr>
              <td>{tp(`programmeAdmin.dim_${g.dimension}`)}</td>
              <th scope="row">{valueName(g)}</th>
              <td>{count(g.children)}</td>
              <td>{share(g.zeroPlaceShare)}</td>
              <td>{decimal(g.meanPlaces)}</td>
              <td>{share(g.firstWishShare)}</td>
              <td>{share(g.topThreeShare)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </ScrollTable>
  );
}

/** Units by their offer's title and label, from the public programme page; ids where it could not be read. */
function Cutoffs(props: { programmeId: string; cutoffs: UnitCutoff[] }) {
  const [detail] = createResource(() => props.programmeId, api.programme);
  const unitName = (c: UnitCutoff) => {
    const offer = detail.state === 'ready' ? detail().offers.find((o) => o.id === c.offerId) : undefined;
    const unit = offer?.units.find((u) => u.id === c.unitId);
    return offer && unit ? `${offer.title}, ${unit.label}` : `${c.offerId} / ${c.unitId}`;
  };
  return (
    <ScrollTable caption={tp('programmeAdmin.cutoffsCaption')}>
      <thead>
        <tr>
          <th scope="col">{tp('programmeAdmin.unit')}</th>
          <th scope="col">{tp('programmeAdmin.seats')}</th>
          <th scope="col">{tp('programmeAdmin.reserved')}</th>
          <th scope="col">{tp('programmeAdmin.filled')}</th>
          <th scope="col">{tp('programmeAdmin.lastTicket')}</th>
          <th scope="col">{tp('programmeAdmin.waiting')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.cutoffs}>
          {(c) => (
            <tr>
              <th scope="row">{unitName(c)}</th>
              <td>{c.seats}</td>
              <td>{c.reserved}</td>
              <td>{c.filled}</td>
              <td>{c.lastTicket ?? '–'}</td>
              <td>{c.waiting}</td>
            </tr>
          )}
        </For>
      </tbody>
    </ScrollTable>
  );
}

/** The anonymous fairness report of a published draw; the server leaves out what the reader may not see. */
export function ProgrammeReport(props: { programmeId: string }) {
  const { report, refetch } = createProgrammeReport(() => props.programmeId);
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{tp('programmeAdmin.reportTitle')}</h2>
      <p class="hint">{tp('programmeAdmin.reportLead')}</p>
      <AsyncView resource={report} retry={() => void refetch()}>
        {(answer) => (
          <>
            <Figures report={answer().report} />
            <Show when={answer().report.groups.length > 0}>
              <Groups groups={answer().report.groups} />
            </Show>
            <Show when={answer().cutoffs.length > 0}>
              <Cutoffs programmeId={props.programmeId} cutoffs={answer().cutoffs} />
            </Show>
          </>
        )}
      </AsyncView>
    </section>
  );
}
