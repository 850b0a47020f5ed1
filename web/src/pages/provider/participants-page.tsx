import { useParams } from '@solidjs/router';
import { For, Show, createResource, createSignal, createUniqueId } from 'solid-js';
import { api, type AttendanceMark, type Offer, type Participant } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { BackLink } from '../../components/back-link';
import { RolePage } from '../../components/role-page';
import { t } from '../../i18n';
import { dayOf, formatDate, formatDateTime, formatTime, today } from '../../i18n/format';
import { createAttendance, createParticipants } from '../../stores/provider';

/** The offer's sessions in time order. */
const inTimeOrder = (offer: Offer) => [...offer.sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

/** The session to take attendance for: today's, else the next, else the last. */
function defaultSession(offer: Offer) {
  const day = today();
  const sessions = inTimeOrder(offer);
  return (sessions.find((s) => dayOf(s.start) >= day) ?? sessions.at(-1))?.id ?? '';
}

/** A unit's label where the offer has several (week 1, week 2), so every list says which one a child is in. */
const unitLabelIn = (offer: Offer) => (unitId: string | undefined) => (offer.units.length > 1 ? offer.units.find((u) => u.id === unitId)?.label : undefined);

function ParticipantList(props: { title: string; list: Participant[]; unitLabel: (unitId: string) => string | undefined }) {
  return (
    <section>
      <h3>{props.title}</h3>
      <Show when={props.list.length} fallback={<p class="state state-empty">{t('provider.noParticipants')}</p>}>
        <ul class="participant-list">
          <For each={props.list}>
            {(p) => (
              <li class="participant">
                <strong>{p.child.firstName}</strong> ({p.child.age})<Show when={props.unitLabel(p.unitId)}>{(label) => <> · {label()}</>}</Show>
                <Show when={p.waitlistPosition}> · {t('provider.position', { n: p.waitlistPosition ?? 0 })}</Show>
                <Show when={p.status === 'offered' && p.offerExpiresAt}>
                  {(at) => <p class="status">{t('provider.offeredUntil', { at: formatDateTime(at()) })}</p>}
                </Show>
                <Show when={p.notes}>
                  <p>
                    {t('provider.notes')}: {p.notes}
                  </p>
                </Show>
                <p class="hint">
                  {t('provider.contact')}: {p.guardian.name} · <a href={`tel:${p.guardian.phone.replace(/[^+0-9]/g, '')}`}>{p.guardian.phone}</a>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** One row per child, two big buttons: built for a thumb at the pool's edge. */
function AttendanceChecklist(props: { offer: Offer; confirmed: Participant[] }) {
  const [sessionId, setSessionId] = createSignal(defaultSession(props.offer));
  const attendance = createAttendance(() => props.offer.id, sessionId);
  const id = createUniqueId();
  const unitLabel = unitLabelIn(props.offer);
  // A week's session has that week's children on its roll; a session of every unit has them all.
  const onRoll = () => {
    const unitId = props.offer.sessions.find((s) => s.id === sessionId())?.unitId;
    return props.confirmed.filter((p) => unitId === undefined || p.unitId === unitId);
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('provider.attendance')}</h2>
      <div class="field">
        <label for={`${id}-session`}>{t('provider.attendanceFor')}</label>
        <select id={`${id}-session`} value={sessionId()} onChange={(e) => setSessionId(e.currentTarget.value)}>
          <For each={inTimeOrder(props.offer)}>
            {(s) => (
              <option value={s.id}>
                {formatDate(s.start)}, {formatTime(s.start)}
                {unitLabel(s.unitId) ? ` · ${unitLabel(s.unitId)}` : ''}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={attendance.error()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <Show when={onRoll().length} fallback={<p class="state state-empty">{t('provider.noParticipants')}</p>}>
        <ul class="attendance-list">
          <For each={onRoll()}>
            {(p) => (
              <li class="attendance-row">
                <span id={`${id}-${p.registrationId}`}>{p.child.firstName}</span>
                <div class="toggle" role="group" aria-labelledby={`${id}-${p.registrationId}`}>
                  <For each={['present', 'absent', 'excused'] as AttendanceMark[]}>
                    {(value) => (
                      <button
                        type="button"
                        class={`button secondary ${value}`}
                        aria-pressed={attendance.marks()?.[p.registrationId] === value}
                        onClick={() => void attendance.mark(p.registrationId, value)}
                      >
                        {t(`provider.${value}`)}
                      </button>
                    )}
                  </For>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="actions">
        <a class="button secondary" href={api.attendanceCsvUrl(props.offer.id)} download="">
          {t('provider.csv')}
        </a>
        <a class="button secondary" href={api.attendancePdfUrl(props.offer.id)} download="">
          {t('provider.pdf')}
        </a>
      </div>
    </section>
  );
}

function OfferParticipants(props: { offerId: string }) {
  const [offer] = createResource(() => props.offerId, api.providerOffer);
  const store = createParticipants(() => props.offerId);
  const byStatus = (status: Participant['status']) => (store.participants() ?? []).filter((p) => p.status === status);
  const unitLabel = (unitId: string) => (offer.state === 'ready' ? unitLabelIn(offer())(unitId) : undefined);
  return (
    <AsyncView resource={offer}>
      {(o) => (
        <>
          <p class="lead">{o().title}</p>
          <AsyncView resource={store.participants} retry={() => void store.refetch()}>
            {() => (
              <>
                <AttendanceChecklist offer={o()} confirmed={byStatus('confirmed')} />
                <h2>{t('provider.participants')}</h2>
                <ParticipantList title={t('provider.confirmedList')} list={byStatus('confirmed')} unitLabel={unitLabel} />
                {/* A freed place offered to the next family in line, held until its deadline. */}
                <Show when={byStatus('offered').length}>
                  <ParticipantList
                    unitLabel={unitLabel}
                    title={t('provider.offeredList')}
                    list={byStatus('offered').sort((a, b) => Date.parse(a.offerExpiresAt ?? '') - Date.parse(b.offerExpiresAt ?? ''))}
                  />
                </Show>
                <ParticipantList
                  unitLabel={unitLabel}
                  title={t('provider.waitingList')}
                  list={byStatus('waitlisted').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))}
                />
              </>
            )}
          </AsyncView>
        </>
      )}
    </AsyncView>
  );
}

export default function ParticipantsPage() {
  const params = useParams();
  return (
    <RolePage title={t('provider.participants')} roles={['provider']} narrow before={<BackLink href="/provider" label={t('provider.title')} />}>
      <OfferParticipants offerId={params.id ?? ''} />
    </RolePage>
  );
}
