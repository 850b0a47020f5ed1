import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { ProgrammeDetail } from '../../api/client';
import { AsyncView, Loading } from '../../components/async-view';
import { BackLink } from '../../components/back-link';
import { Facts } from '../../components/facts';

import { tp } from '../../i18n/programme';
import { formatDateTime, formatPercent } from '../../i18n/format';
import { usePageTitle } from '../../lib/page';
import { createProgramme } from '../../stores/programmes';
import { useSession } from '../../stores/session';
import { ProgrammeOfferCard, programmePath } from './programme-parts';
import { ProgrammeProof } from './programme-proof';

/** What a visitor or family can do now: enter wishes, wait for the draw, read the result. */
function CallToAction(props: { programme: ProgrammeDetail }) {
  const session = useSession();
  const p = () => props.programme;
  const signInTo = (tail: string) => `/sign-in?next=${encodeURIComponent(programmePath(p(), tail))}`;
  const notOpenYet = () => Date.now() < Date.parse(p().wishOpens);
  const family = () => session.hasRole('family');
  const visitor = () => session.me.state === 'ready' && !session.me();
  return (
    <section class="programme-cta" aria-labelledby="cta-title">
      <h2 id="cta-title">{tp('programme.cta.title')}</h2>
      <Switch>
        <Match when={session.me.state !== 'ready' && session.me.state !== 'errored'}>
          <Loading />
        </Match>
        <Match when={p().status === 'published'}>
          <Switch fallback={<p>{tp('programme.status.published')}</p>}>
            <Match when={family()}>
              <A class="button primary big" href={programmePath(p(), '/result')}>
                {tp('programme.cta.result')}
              </A>
            </Match>
            <Match when={visitor()}>
              <A class="button secondary" href={signInTo('/result')}>
                {tp('programme.cta.signInResult')}
              </A>
            </Match>
          </Switch>
        </Match>
        <Match when={p().status !== 'wishing'}>
          <p>{tp('programme.cta.waitForDraw')}</p>
          <Show when={family()}>
            <A class="button secondary" href={programmePath(p(), '/wishes')}>
              {tp('programme.cta.viewWishes')}
            </A>
          </Show>
        </Match>
        <Match when={notOpenYet()}>
          <p>{tp('programme.cta.opensAt', { at: formatDateTime(p().wishOpens) })}</p>
        </Match>
        <Match when={true}>
          <p>{tp('programme.cta.closesAt', { at: formatDateTime(p().wishCloses) })}</p>
          <Switch fallback={<p>{tp('programme.cta.familiesOnly')}</p>}>
            <Match when={family()}>
              <A class="button primary big" href={programmePath(p(), '/wishes')}>
                {tp('programme.cta.wish')}
              </A>
            </Match>
            <Match when={visitor()}>
              <A class="button primary big" href={signInTo('/wishes')}>
                {tp('programme.cta.signIn')}
              </A>
            </Match>
          </Switch>
        </Match>
      </Switch>
    </section>
  );
}

/** The rules in short, with the settings of this programme filled in. */
function Rules(props: { programme: ProgrammeDetail }) {
  const p = () => props.programme;
  const reserve = () => p().residentReserve;
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{tp('programme.rules.title')}</h2>
      <ol class="rule-list">
        <li>{tp('programme.rules.tickets')}</li>
        <li>{tp('programme.rules.first')}</li>
        <Show when={p().rescue}>
          <li>{tp('programme.rules.rescue')}</li>
        </Show>
        <li>{tp('programme.rules.serpentine')}</li>
        <li>{tp('programme.rules.waitlist')}</li>
      </ol>
      <ul class="rule-list">
        <li>{tp('programme.rules.siblings')}</li>
        <li>{tp('programme.rules.overlap')}</li>
        <Show when={p().travelBufferMinutes > 0}>
          <li>{tp('programme.rules.travel', { n: p().travelBufferMinutes })}</li>
        </Show>
        <li>{tp('programme.rules.maxWishes', { n: p().maxWishesPerChild })}</li>
        <Show when={p().maxPlacesPerChild}>{(n) => <li>{tp('programme.rules.maxPlaces', { n: n() })}</li>}</Show>
        <Show when={p().maxCareWeeksPerFamily}>{(n) => <li>{tp('programme.rules.maxCareWeeks', { n: n() })}</li>}</Show>
        <Show when={reserve()}>
          {(r) => (
            <li>
              {r().kind === 'share'
                ? tp('programme.rules.reserveShare', { share: formatPercent(r().value) })
                : tp('programme.rules.reserveCount', { n: r().value })}{' '}
              {r().semantics === 'open_first' ? tp('programme.rules.reserveOpenFirst') : tp('programme.rules.reserveMinimum')}
              <br />
              <em>{r().semantics === 'open_first' ? tp('programme.rules.reserveOpenFirstExample') : tp('programme.rules.reserveMinimumExample')}</em>
            </li>
          )}
        </Show>
      </ul>
      <div class="advice">
        <p>{tp('programme.rules.notStrategyProof')}</p>
        <p>
          <strong>{tp('programme.rules.advice')}</strong>
        </p>
      </div>
      <p>
        <A href={programmePath(p(), '/leichte-sprache')}>{tp('programme.rules.easyRead')}</A>
      </p>
    </section>
  );
}

function ProgrammeView(props: { programme: ProgrammeDetail }) {
  const p = () => props.programme;
  return (
    <article>
      <h1>{p().title}</h1>
      <Show when={p().description}>
        <p class="lead">{p().description}</p>
      </Show>
      <div class="stacked-facts">
        <Facts
          items={[
            { term: tp('programme.facts.status'), value: <span class="programme-status">{tp(`programme.status.${p().status}`)}</span> },
            {
              term: tp('programme.facts.window'),
              value: tp('programme.facts.windowText', { from: formatDateTime(p().wishOpens), to: formatDateTime(p().wishCloses) }),
            },
            { term: tp('programme.facts.maxWishes'), value: tp('programme.facts.upTo', { n: p().maxWishesPerChild }) },
            { term: tp('programme.facts.maxPlaces'), value: p().maxPlacesPerChild && tp('programme.facts.upTo', { n: p().maxPlacesPerChild as number }) },
            {
              term: tp('programme.facts.maxCareWeeks'),
              value: p().maxCareWeeksPerFamily && tp('programme.facts.upTo', { n: p().maxCareWeeksPerFamily as number }),
            },
          ]}
        />
      </div>
      <CallToAction programme={p()} />
      <Rules programme={p()} />
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{tp('programme.offers.title', { n: p().offers.length })}</h2>
        <Show when={p().offers.length > 0} fallback={<p class="state state-empty">{tp('programme.offers.none')}</p>}>
          <div class="card-list">
            <For each={p().offers}>{(offer) => <ProgrammeOfferCard offer={offer} />}</For>
          </div>
        </Show>
      </section>
      <ProgrammeProof programme={p()} />
    </article>
  );
}

export default function ProgrammePage() {
  const params = useParams();
  const { programme, refetch } = createProgramme(() => params.id ?? '');
  usePageTitle(() => (programme.state === 'ready' ? programme()?.title : tp('programme.title')));
  return (
    <div class="page programme-page">
      <BackLink href="/" label={tp('programme.toCalendar')} />
      <AsyncView resource={programme} retry={refetch}>
        {(p) => <ProgrammeView programme={p()} />}
      </AsyncView>
    </div>
  );
}
