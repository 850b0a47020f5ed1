import { For, Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { CatalogOffer, FairnessReport, UnitCutoff } from '../../api/client';
import { Facts } from '../../components/facts';
import { tp } from '../../i18n/programme';
import { formatPercent } from '../../i18n/format';
import { useRegion } from '../../stores/region';
import { formatNumber, useWishNames } from './programme-parts';

type ReportGroup = FairnessReport['groups'][number];
/** The level of the sections' headings: 2 on the admin page, 3 inside the public proof. */
type Level = 2 | 3;

const dash = () => tp('programme.proof.none');
/** A suppressed cell (under 3 children) is null and shown as a dash, as the groups' note explains. */
const orDash = (n: number | null, show: (n: number) => string = String) => (n === null ? dash() : show(n));
const percent = (n: number) => formatPercent(n);

function Heading(props: { level: Level | 4; id?: string; children: JSX.Element }) {
  return (
    <Dynamic component={`h${props.level}`} id={props.id}>
      {props.children}
    </Dynamic>
  );
}

/** A table that may be wider than a phone: it scrolls, and a keyboard can reach it to scroll. */
function ScrollTable(props: { id: string; caption: string; head: string[]; rows: Array<{ header: string; cells: Array<string | number> }> }) {
  return (
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby={props.id}>
      <table>
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.head}>{(h) => <th scope="col">{h}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{row.header}</th>
                <For each={row.cells}>{(c) => <td>{c}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** Units by the offer's name as the wishes page names them; ids while the offers are not known. */
function Cutoffs(props: { level: Level; offers: CatalogOffer[]; cutoffs: UnitCutoff[] }) {
  const { wishName } = useWishNames();
  const name = (c: UnitCutoff) =>
    wishName(
      props.offers.find((o) => o.id === c.offerId),
      c.unitId,
    ) || `${c.offerId} / ${c.unitId}`;
  return (
    <section aria-labelledby="cutoffs-title">
      <Heading level={props.level} id="cutoffs-title">
        {tp('programme.proof.cutoffs')}
      </Heading>
      <ScrollTable
        id="cutoffs-caption"
        caption={tp('programme.proof.cutoffsCaption')}
        head={(['colUnit', 'colSeats', 'colReserved', 'colFilled', 'colToResidents', 'colLastTicket', 'colWaiting'] as const).map((k) =>
          tp(`programme.proof.${k}`),
        )}
        rows={props.cutoffs.map((c) => ({
          header: name(c),
          cells: [c.seats, c.reserved, c.filled, c.reservedToResidents, orDash(c.lastTicket), c.waiting],
        }))}
      />
    </section>
  );
}

function Groups(props: { level: Level; groups: ReportGroup[] }) {
  const { municipalityName } = useRegion();
  const groupName = (g: ReportGroup) => {
    const value = (() => {
      switch (g.dimension) {
        case 'all':
          return tp('programme.report.allChildren');
        case 'municipality':
          return g.value === 'elsewhere' ? tp('programme.report.elsewhere') : municipalityName(g.value);
        case 'residence':
          return g.value === 'resident' ? tp('programme.report.resident') : tp('programme.report.nonResident');
        case 'wishCount':
          return g.value === 'le3' ? tp('programme.report.le3') : tp('programme.report.gt3');
        case 'ageBand':
          return tp('programme.report.ageBand', { band: g.value.replace('-', '–') });
      }
    })();
    return g.dimension === 'all' ? value : `${tp(`programme.report.dimension.${g.dimension}`)}: ${value}`;
  };
  return (
    <>
      <Heading level={props.level === 2 ? 3 : 4}>{tp('programme.report.groups')}</Heading>
      <p class="hint">{tp('programme.report.groupsNote')}</p>
      <ScrollTable
        id="groups-caption"
        caption={tp('programme.report.groupsCaption')}
        head={(['colGroup', 'colChildren', 'colZero', 'colMean', 'colFirst', 'colTopThree'] as const).map((k) => tp(`programme.report.${k}`))}
        rows={props.groups.map((g) => ({
          header: groupName(g),
          cells: [
            orDash(g.children),
            orDash(g.zeroPlaceShare, percent),
            orDash(g.meanPlaces, formatNumber),
            orDash(g.firstWishShare, percent),
            orDash(g.topThreeShare, percent),
          ],
        }))}
      />
    </>
  );
}

function Report(props: { level: Level; report: FairnessReport }) {
  const r = () => props.report;
  const distribution = () =>
    Object.entries(r().placesPerChild.distribution)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([places, n]) => tp('programme.report.distributionItem', places, n));
  const removed = () => Object.entries(r().removedWishes).filter(([, n]) => n > 0);
  return (
    <section aria-labelledby="report-title">
      <Heading level={props.level} id="report-title">
        {tp('programme.report.title')}
      </Heading>
      <p>{tp('programme.report.lead')}</p>
      <Facts
        items={[
          { term: tp('programme.report.children'), value: tp('programme.report.childrenValue', { children: r().children, wishes: r().wishes }) },
          { term: tp('programme.report.placed'), value: tp('programme.report.placedValue', { placed: r().placed, max: r().placeableMax }) },
          { term: tp('programme.report.zeroShare'), value: percent(r().zeroPlaceShare) },
          { term: tp('programme.report.meanPlaces'), value: formatNumber(r().placesPerChild.mean) },
          {
            term: tp('programme.report.distribution'),
            value: (
              <ul class="figure-list">
                <For each={distribution()}>{(line) => <li>{line}</li>}</For>
              </ul>
            ),
          },
          { term: tp('programme.report.gini'), value: formatNumber(r().placesPerChild.gini) },
          { term: tp('programme.report.firstWish'), value: percent(r().firstWishShare) },
          { term: tp('programme.report.topThree'), value: percent(r().topThreeShare) },
          { term: tp('programme.report.rescue'), value: tp('programme.report.rescueValue', { moves: r().rescueMoves, loss: r().rescueRankLoss }) },
          { term: tp('programme.report.allOrNone'), value: tp('programme.report.ofValue', { n: r().bundles.split, total: r().bundles.allOrNone }) },
          { term: tp('programme.report.prefer'), value: tp('programme.report.ofValue', { n: r().bundles.preferKept, total: r().bundles.prefer }) },
          {
            term: tp('programme.report.seatFill'),
            value: tp('programme.report.seatFillValue', {
              filled: r().seatsFilled,
              seats: r().seats,
              share: percent(r().seats ? r().seatsFilled / r().seats : 0),
            }),
          },
          { term: tp('programme.report.wasted'), value: String(r().wastedSeats) },
          {
            term: tp('programme.report.reserve'),
            value: tp('programme.report.reserveValue', { seats: r().reserve.seats, used: r().reserve.usedByResidents, released: r().reserve.released }),
          },
          {
            term: tp('programme.report.removed'),
            value: removed().length
              ? removed()
                  .map(([code, n]) => `${code}: ${n}`)
                  .join(', ')
              : tp('programme.report.removedNone'),
          },
          { term: tp('programme.report.changes'), value: String(r().inputChangesAfterFreeze) },
          { term: tp('programme.report.overrides'), value: String(r().manualOverrides) },
        ]}
      />
      <Show when={r().groups.length > 0}>
        <Groups level={props.level} groups={r().groups} />
      </Show>
    </section>
  );
}

/**
 * A drawn programme's cut-offs per unit and its anonymous fairness report, on the public page and
 * on the admin page alike; the server decides which groups a reader sees.
 */
export function ReportTables(props: { level: Level; offers: CatalogOffer[]; cutoffs?: UnitCutoff[]; report?: FairnessReport }) {
  return (
    <>
      <Show when={props.cutoffs?.length ? props.cutoffs : undefined}>
        {(cutoffs) => <Cutoffs level={props.level} offers={props.offers} cutoffs={cutoffs()} />}
      </Show>
      <Show when={props.report}>{(report) => <Report level={props.level} report={report()} />}</Show>
    </>
  );
}
