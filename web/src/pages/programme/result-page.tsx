import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { CatalogOffer, FamilyResult } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { BackLink } from '../../components/back-link';
import { RolePage } from '../../components/role-page';
import { locale, localizeMessage } from '../../i18n';
import { tp } from '../../i18n/programme';
import { createDrawResult, createProgramme } from '../../stores/programmes';
import { programmePath, useWishNames } from './programme-parts';

type ResultWish = FamilyResult['children'][number]['wishes'][number];

/** The outcome in words (a badge's colour only repeats what the text says). */
function Outcome(props: { wish: ResultWish }) {
  return (
    <span class={`outcome outcome-${props.wish.outcome}`}>
      <Switch>
        <Match when={props.wish.outcome === 'confirmed'}>
          {tp('programme.result.confirmed')}
          <Show when={props.wish.round}>{(round) => ` · ${tp('programme.result.round', { n: round() })}`}</Show>
        </Match>
        <Match when={props.wish.outcome === 'waitlisted'}>
          <Show when={props.wish.waitlistPosition} fallback={tp('programme.result.waitlisted')}>
            {(n) => tp('programme.result.waitlistedAt', { n: n() })}
          </Show>
        </Match>
        <Match when={true}>{tp('programme.result.notDrawn')}</Match>
      </Switch>
    </span>
  );
}

/** The result; wishes named as on the wishes page (with the municipality) once the programme's offers are there. */
function ResultView(props: { result: FamilyResult; offers: CatalogOffer[] }) {
  const { wishName } = useWishNames();
  const name = (w: ResultWish) =>
    wishName(
      props.offers.find((o) => o.id === w.offerId),
      w.unitId,
    ) || `${w.offerTitle} – ${localizeMessage(w.unitLabel)}`;
  return (
    <>
      <p class="ticket">{tp('programme.result.ticket', { ticket: props.result.ticket, tickets: props.result.tickets })}</p>
      <p class="hint">{tp('programme.result.ticketHint')}</p>
      <For each={props.result.children}>
        {(child) => (
          <section aria-labelledby={`result-${child.childId}`}>
            <h2 id={`result-${child.childId}`}>{child.firstName}</h2>
            <ol class="result-wishes">
              <For each={[...child.wishes].sort((a, b) => a.rank - b.rank)}>
                {(w) => (
                  <li>
                    <p>
                      <strong>
                        {tp('programme.result.wish', { n: w.rank })}: {name(w)}
                      </strong>
                    </p>
                    <p>
                      <Outcome wish={w} />
                    </p>
                    <p>{w.reason[locale()]}</p>
                  </li>
                )}
              </For>
            </ol>
          </section>
        )}
      </For>
      <p>{tp('programme.result.bookingsHint')}</p>
      <A class="button primary" href="/bookings">
        {tp('programme.result.toBookings')}
      </A>
    </>
  );
}

export default function ResultPage() {
  const params = useParams();
  const id = () => params.id ?? '';
  const { result, refetch } = createDrawResult(id);
  const { programme } = createProgramme(id);
  const offers = () => (programme.state === 'ready' ? programme()?.offers : undefined) ?? [];
  return (
    <RolePage title={tp('programme.result.title')} roles={['family']} before={<BackLink href={programmePath({ id: id() })} label={tp('programme.back')} />}>
      <AsyncView
        resource={result}
        retry={() => void refetch()}
        isEmpty={(r) => r === null || r.children.length === 0}
        empty={
          <Show when={result() === null} fallback={tp('programme.result.noWishes')}>
            <strong>{tp('programme.result.notPublished')}</strong> {tp('programme.result.notPublishedHint')}
          </Show>
        }
      >
        {(r) => <ResultView result={r() as FamilyResult} offers={offers()} />}
      </AsyncView>
    </RolePage>
  );
}
