import { For, Show } from 'solid-js';
import type { FairnessReport, ProgrammeDetail, UnitCutoff } from '../../api/client';
import { Facts } from '../../components/facts';
import { localizeMessage } from '../../i18n';
import { tp } from '../../i18n/programme';
import { formatDateTime, formatPercent } from '../../i18n/format';
import { useRegion } from '../../stores/region';
import { formatNumber, useWishNames } from './programme-parts';

type ReportGroup = FairnessReport['groups'][number];

const dash = () => tp('programme.proof.none');
const orDash = (n: number | null, show: (n: number) => string = String) => (n === null ? dash() : show(n));

function Hash(props: { value: string }) {
  return <code class="hash">{props.value}</code>;
}

/** The freeze, the randomness and the result's hash: what anyone needs to recompute the draw. */
function Commitment(props: { programme: ProgrammeDetail }) {
  const p = () => props.programme;
  return (
    <>
      <Show when={p().inputHash && p().frozenAt}>
        <p class="notice success" role="note">
          {tp('programme.proof.frozen', { at: formatDateTime(p().frozenAt as string) })} <Hash value={p().inputHash as string} />
        </p>
      </Show>
      <Facts
        items={[
          { term: tp('programme.proof.algorithm'), value: <Hash value={p().algorithm} /> },
          { term: tp('programme.proof.randomnessSource'), value: localizeMessage(p().randomnessSource) },
          {
            term: tp('programme.proof.inputHash'),
            value: p().inputHash ? <Hash value={p().inputHash as string} /> : tp('programme.proof.inputHashLater'),
          },
          { term: tp('programme.proof.randomness'), value: p().randomness ? <Hash value={p().randomness as string} /> : tp('programme.proof.randomnessLater') },
          { term: tp('programme.proof.seed'), value: p().seed && <Hash value={p().seed as string} /> },
          { term: tp('programme.proof.outputHash'), value: p().outputHash && <Hash value={p().outputHash as string} /> },
          { term: tp('programme.proof.publishedAt'), value: p().publishedAt && formatDateTime(p().publishedAt as string) },
        ]}
      />
    </>
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

function Cutoffs(props: { programme: ProgrammeDetail; cutoffs: UnitCutoff[] }) {
  const { wishName } = useWishNames();
  const name = (c: UnitCutoff) =>
    wishName(
      props.programme.offers.find((o) => o.id === c.offerId),
      c.unitId,
    ) || `${c.offerId} / ${c.unitId}`;
  return (
    <section aria-labelledby="cutoffs-title">
      <h3 id="cutoffs-title">{tp('programme.proof.cutoffs')}</h3>
      <ScrollTable
        id="cutoffs-caption"
        caption={tp('programme.proof.cutoffsCaption')}
        head={[
          tp('programme.proof.colUnit'),
          tp('programme.proof.colSeats'),
          tp('programme.proof.colReserved'),
          tp('programme.proof.colFilled'),
          tp('programme.proof.colToResidents'),
          tp('programme.proof.colLastTicket'),
          tp('programme.proof.colWaiting'),
        ]}
        rows={props.cutoffs.map((c) => ({
          header: name(c),
          cells: [c.seats, c.reserved, c.filled, c.reservedToResidents, orDash(c.lastTicket), c.waiting],
        }))}
      />
    </section>
  );
}

function Report(props: { report: FairnessReport }) {
  const { municipalityName } = useRegion();
  const r = () => props.report;
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
  const distribution = () =>
    Object.entries(r().placesPerChild.distribution)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([places, n]) => tp('programme.report.distributionItem', places, n));
  const removed = () => Object.entries(r().removedWishes).filter(([, n]) => n > 0);
  const percent = (n: number) => formatPercent(n);
  return (
    <section aria-labelledby="report-title">
      <h3 id="report-title">{tp('programme.report.title')}</h3>
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
        <h4>{tp('programme.report.groups')}</h4>
        <p class="hint">{tp('programme.report.groupsNote')}</p>
        <ScrollTable
          id="groups-caption"
          caption={tp('programme.report.groupsCaption')}
          head={[
            tp('programme.report.colGroup'),
            tp('programme.report.colChildren'),
            tp('programme.report.colZero'),
            tp('programme.report.colMean'),
            tp('programme.report.colFirst'),
            tp('programme.report.colTopThree'),
          ]}
          rows={r().groups.map((g) => ({
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
      </Show>
    </section>
  );
}

/** The programme's proof: the commitment before the draw, the cut-offs and the fairness report after it. */
export function ProgrammeProof(props: { programme: ProgrammeDetail }) {
  return (
    <section class="stacked-facts" aria-labelledby="proof-title">
      <h2 id="proof-title">{tp('programme.proof.title')}</h2>
      <p>{tp('programme.proof.lead')}</p>
      <Commitment programme={props.programme} />
      <Show when={props.programme.cutoffs?.length ? props.programme.cutoffs : undefined}>
        {(cutoffs) => <Cutoffs programme={props.programme} cutoffs={cutoffs()} />}
      </Show>
      <Show when={props.programme.report}>{(report) => <Report report={report()} />}</Show>
    </section>
  );
}
