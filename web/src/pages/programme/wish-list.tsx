import { For, Match, Show, Switch, createSignal, createUniqueId } from 'solid-js';
import type { CatalogOffer, Child, Wish } from '../../api/client';
import { localizeMessage } from '../../i18n';
import { tp } from '../../i18n/programme';
import { dayOf } from '../../i18n/format';
import { ageOn } from '../../lib/dates';
import { offerDays, useWishNames } from './programme-parts';

export type Move = { from: number; to: number };

/** The element id of a wish: where its buttons, its refusal and the focus after a move live. */
export const wishElementId = (childId: string, w: Wish) => `wish-${childId}-${w.offerId}-${w.unitId}`;

/** Whether a child's age on the first session fits the offer, as the API checks a wish. */
function ageFits(child: Child, offer: CatalogOffer) {
  const age = ageOn(child.birthDate, dayOf(offer.sessions[0]?.start ?? offer.firstStart));
  return age >= offer.ageRange.min && age <= offer.ageRange.max;
}

/**
 * One child's ranked wishes. Reordering works by dragging the handle (pointer events, so a
 * finger on a phone works as a mouse does) and by the "up"/"down" buttons for the keyboard and
 * screen readers; the page announces every new position.
 */
export function WishList(props: {
  child: Child;
  wishes: Wish[];
  offers: CatalogOffer[];
  editable: boolean;
  refusal: (w: Wish) => string | undefined;
  onMove: (move: Move, w: Wish, how: 'keyboard' | 'drag') => void;
  onRemove: (index: number, w: Wish) => void;
}) {
  const [drag, setDrag] = createSignal<Move>();
  const { wishName } = useWishNames();
  const offer = (w: Wish) => props.offers.find((o) => o.id === w.offerId);
  const name = (w: Wish) => wishName(offer(w), w.unitId) || w.offerId;

  function startDrag(e: PointerEvent, from: number) {
    if (e.button !== 0) return;
    e.preventDefault();
    const list = (e.currentTarget as HTMLElement).closest('ol') as HTMLOListElement;
    /** The index the dragged wish takes when dropped at height `y`: before the first wish whose middle lies below. */
    const target = (y: number) => {
      const items = [...list.children] as HTMLElement[];
      const before = items.findIndex((li) => {
        const r = li.getBoundingClientRect();
        return y < r.top + r.height / 2;
      });
      const at = before === -1 ? items.length : before;
      return at > from ? at - 1 : at;
    };
    setDrag({ from, to: from });
    const move = (ev: PointerEvent) => {
      // Near the window's edge the page scrolls along: the handle does not scroll it (touch-action: none), and a list of ten is taller than a phone.
      const edge = 56;
      if (ev.clientY < edge) window.scrollBy(0, -12);
      else if (ev.clientY > window.innerHeight - edge) window.scrollBy(0, 12);
      setDrag({ from, to: target(ev.clientY) });
    };
    const stop = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
      const done = drag();
      setDrag(undefined);
      const w = props.wishes[from];
      if (ev.type === 'pointerup' && done && w && done.to !== done.from) props.onMove(done, w, 'drag');
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
  }

  return (
    <Show when={props.wishes.length > 0} fallback={<p class="state state-empty">{tp('programme.wishes.none', { name: props.child.firstName })}</p>}>
      <ol class="wish-list" aria-label={tp('programme.wishes.listLabel', { name: props.child.firstName })}>
        <For each={props.wishes}>
          {(w, i) => {
            const errorId = `${wishElementId(props.child.id, w)}-error`;
            const o = () => offer(w);
            return (
              <li
                id={wishElementId(props.child.id, w)}
                class="wish"
                classList={{
                  dragging: drag()?.from === i(),
                  'drop-target': drag() !== undefined && drag()?.to === i() && drag()?.from !== i(),
                  after: (drag()?.to ?? 0) > (drag()?.from ?? 0),
                  refused: !!props.refusal(w),
                }}
                aria-describedby={props.refusal(w) ? errorId : undefined}
              >
                <Show when={props.editable && props.wishes.length > 1}>
                  <span class="drag-handle" aria-hidden="true" title={tp('programme.wishes.drag')} onPointerDown={(e) => startDrag(e, i())}>
                    ⠿
                  </span>
                </Show>
                <span class="wish-rank">{i() + 1}.</span>
                <span class="wish-text">
                  <strong>{name(w)}</strong>
                  <Show when={o()}>{(of) => <span class="hint">{offerDays(of())}</span>}</Show>
                </span>
                <Show when={props.editable}>
                  <span class="wish-buttons">
                    <button
                      type="button"
                      class="button secondary icon-button"
                      data-move="up"
                      disabled={i() === 0}
                      aria-label={tp('programme.wishes.up', { wish: name(w) })}
                      onClick={() => props.onMove({ from: i(), to: i() - 1 }, w, 'keyboard')}
                    >
                      <span aria-hidden="true">▲</span>
                    </button>
                    <button
                      type="button"
                      class="button secondary icon-button"
                      data-move="down"
                      disabled={i() === props.wishes.length - 1}
                      aria-label={tp('programme.wishes.down', { wish: name(w) })}
                      onClick={() => props.onMove({ from: i(), to: i() + 1 }, w, 'keyboard')}
                    >
                      <span aria-hidden="true">▼</span>
                    </button>
                    <button
                      type="button"
                      class="button danger"
                      data-remove
                      aria-label={tp('programme.wishes.remove', { wish: name(w) })}
                      onClick={() => props.onRemove(i(), w)}
                    >
                      {tp('programme.wishes.removeShort')}
                    </button>
                  </span>
                </Show>
                <Show when={props.refusal(w)}>
                  {(message) => (
                    <p class="field-error" id={errorId}>
                      {localizeMessage(message())}
                    </p>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ol>
    </Show>
  );
}

/** Offer, then its group or week; only the programme's units, each once per child. */
export function AddWish(props: { child: Child; offers: CatalogOffer[]; listed: Wish[]; full: boolean; max: number; onAdd: (w: Wish) => void }) {
  const id = createUniqueId();
  const { offerName } = useWishNames();
  const [offerId, setOfferId] = createSignal('');
  const [unitId, setUnitId] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const offer = () => props.offers.find((o) => o.id === offerId());
  const isListed = (o: string, u: string) => props.listed.some((w) => w.offerId === o && w.unitId === u);
  function chooseOffer(next: string) {
    setOfferId(next);
    const units = props.offers.find((o) => o.id === next)?.units.filter((u) => !isListed(next, u.id)) ?? [];
    setUnitId(units.length === 1 ? (units[0]?.id ?? '') : '');
  }
  function add() {
    if (!offerId() || !unitId()) return setMissing(true);
    setMissing(false);
    props.onAdd({ offerId: offerId(), unitId: unitId() });
    setOfferId('');
    setUnitId('');
  }
  return (
    <fieldset class="add-wish-box">
      <legend>{tp('programme.wishes.addFor', { name: props.child.firstName })}</legend>
      <Switch>
        <Match when={props.full}>
          <p>{tp('programme.wishes.full', { max: props.max, name: props.child.firstName })}</p>
        </Match>
        <Match when={!props.offers.some((o) => ageFits(props.child, o))}>
          <p>{tp('programme.wishes.noneFits', { name: props.child.firstName })}</p>
        </Match>
        <Match when={true}>
          <div class="add-wish">
            <div class="field">
              <label for={`${id}-offer`}>{tp('programme.wishes.offer')}</label>
              <select
                id={`${id}-offer`}
                value={offerId()}
                onChange={(e) => chooseOffer(e.currentTarget.value)}
                aria-describedby={missing() ? `${id}-missing` : undefined}
              >
                <option value="" selected={offerId() === ''}>
                  {tp('programme.wishes.choose')}
                </option>
                <For each={props.offers}>
                  {(o) => (
                    <option value={o.id} selected={o.id === offerId()} disabled={!ageFits(props.child, o)}>
                      {ageFits(props.child, o) ? `${offerName(o)}, ${offerDays(o)}` : tp('programme.wishes.ageMismatch', { title: offerName(o) })}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <div class="field">
              <label for={`${id}-unit`}>{tp('programme.wishes.unit')}</label>
              <select id={`${id}-unit`} value={unitId()} disabled={!offer()} onChange={(e) => setUnitId(e.currentTarget.value)}>
                <option value="" selected={unitId() === ''}>
                  {tp('programme.wishes.choose')}
                </option>
                <For each={offer()?.units ?? []}>
                  {(u) => (
                    <option value={u.id} selected={u.id === unitId()} disabled={isListed(offerId(), u.id)}>
                      {isListed(offerId(), u.id) ? tp('programme.wishes.listed', { label: localizeMessage(u.label) }) : localizeMessage(u.label)}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <div class="field">
              <button type="button" class="button primary" onClick={add}>
                {tp('programme.wishes.add')}
              </button>
            </div>
          </div>
          <Show when={missing()}>
            <p class="field-error" id={`${id}-missing`}>
              {tp('programme.wishes.chooseBoth')}
            </p>
          </Show>
        </Match>
      </Switch>
    </fieldset>
  );
}
