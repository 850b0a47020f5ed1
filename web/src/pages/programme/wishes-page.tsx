import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { ApiError, type CatalogOffer, type Child, type Wish, type WishesAnswer, type WishesInput } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { BackLink } from '../../components/back-link';
import { RolePage } from '../../components/role-page';
import { localizeMessage } from '../../i18n';
import { tp } from '../../i18n/programme';
import { formatDateTime } from '../../i18n/format';
import { createWishBoard, type WishBoard } from '../../stores/programmes';
import { programmePath, useWishNames } from './programme-parts';
import { AddWish, WishList, wishElementId, type Move } from './wish-list';

type Together = WishesInput['together'][number];
type Mode = Together['mode'];
type Draft = { children: Array<{ childId: string; wishes: Wish[] }>; together: Together[] };
/** A refusal of the server, placed where its path points: a wish, a child, a sibling choice, or the form. */
type Refusal = { key: string; message: string; text: string };

/** The draft the page edits: one list per child of the household, in the household's order. */
function toDraft(answer: WishesAnswer, children: Child[]): Draft {
  const saved = new Map(answer.children.map((c) => [c.childId, c.wishes]));
  return {
    children: children.map((c) => ({ childId: c.id, wishes: (saved.get(c.id) ?? []).map((w) => ({ offerId: w.offerId, unitId: w.unitId })) })),
    together: answer.together.map((g) => ({ offerId: g.offerId, childIds: [...g.childIds], mode: g.mode })),
  };
}

/** The offers at least two children wish for, with those children: where siblings may be bound. */
function sharedOffers(draft: Draft) {
  const byOffer = new Map<string, string[]>();
  for (const c of draft.children)
    for (const offerId of new Set(c.wishes.map((w) => w.offerId))) byOffer.set(offerId, [...(byOffer.get(offerId) ?? []), c.childId]);
  return [...byOffer].filter(([, ids]) => ids.length >= 2).map(([offerId, childIds]) => ({ offerId, childIds }));
}

/** What the PUT sends: every list, and a sibling choice only where the siblings still share the offer. */
function toInput(draft: Draft): WishesInput {
  const together = sharedOffers(draft).flatMap(({ offerId, childIds }) => {
    const mode = draft.together.find((g) => g.offerId === offerId)?.mode;
    return mode ? [{ offerId, childIds, mode }] : [];
  });
  return { children: draft.children.map((c) => ({ childId: c.childId, wishes: c.wishes.map((w) => ({ ...w })) })), together };
}

const wishKey = (childId: string, w: Wish) => `wish:${childId}:${w.offerId}:${w.unitId}`;

/** The server's `errors[]` paths (`children.0.wishes.2`, `together.0.childIds`) named by what they point at in the sent body. */
function placeRefusals(error: unknown, sent: WishesInput, childName: (id: string) => string): Refusal[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map((e) => {
    const message = localizeMessage(e.message);
    const [head, a, sub, b] = e.path.split('.');
    const child = head === 'children' ? sent.children[Number(a)] : undefined;
    const wish = child && sub === 'wishes' ? child.wishes[Number(b)] : undefined;
    if (child && wish) {
      return { key: wishKey(child.childId, wish), message, text: tp('programme.wishes.wishOf', { name: childName(child.childId), n: Number(b) + 1, message }) };
    }
    if (child) return { key: `child:${child.childId}`, message, text: `${childName(child.childId)}: ${message}` };
    const group = head === 'together' ? sent.together[Number(a)] : undefined;
    if (group) return { key: `together:${group.offerId}`, message, text: message };
    return { key: 'form', message, text: message };
  });
}

function SiblingChoice(props: {
  offerName: string;
  offerId: string;
  names: string;
  mode: Mode | undefined;
  editable: boolean;
  refusal?: string;
  onChange: (m: Mode | undefined) => void;
}) {
  const name = `together-${props.offerId}`;
  const options: Array<{ value: Mode | undefined; label: () => string }> = [
    { value: undefined, label: () => tp('programme.wishes.togetherAny') },
    { value: 'prefer', label: () => tp('programme.wishes.togetherPrefer') },
    { value: 'all_or_none', label: () => tp('programme.wishes.togetherAllOrNone') },
  ];
  return (
    <fieldset aria-describedby={props.refusal ? `${name}-error` : undefined}>
      <legend>{tp('programme.wishes.togetherLegend', { offer: props.offerName, names: props.names })}</legend>
      <div class="radio-row">
        <For each={options}>
          {(o) => (
            <label>
              <input
                type="radio"
                name={name}
                value={o.value ?? 'any'}
                checked={props.mode === o.value}
                disabled={!props.editable}
                onChange={() => props.onChange(o.value)}
              />
              {o.label()}
            </label>
          )}
        </For>
      </div>
      <Show when={props.refusal}>
        {(message) => (
          <p class="field-error" id={`${name}-error`}>
            {message()}
          </p>
        )}
      </Show>
    </fieldset>
  );
}

function WishesEditor(props: { board: WishBoard; save: (input: WishesInput) => Promise<WishesAnswer>; state: () => string; saveError: () => unknown }) {
  const programme = () => props.board.programme;
  const answer = () => props.board.answer;
  const children = () => props.board.children;
  const editable = () => answer().editable;
  const max = () => programme().maxWishesPerChild;
  const [draft, setDraft] = createStore<Draft>(toDraft(answer(), children()));
  const [savedInput, setSavedInput] = createSignal(JSON.stringify(toInput(toDraft(answer(), children()))));
  const [refusals, setRefusals] = createSignal<Refusal[]>([]);
  const [announcement, setAnnouncement] = createSignal('');
  const dirty = createMemo(() => JSON.stringify(toInput(draft)) !== savedInput());
  const childName = (id: string) => children().find((c) => c.id === id)?.firstName ?? '';
  const offerOf = (id: string) => programme().offers.find((o) => o.id === id);
  const { offerName, wishName } = useWishNames();
  const wishLabel = (w: Wish) => wishName(offerOf(w.offerId), w.unitId) || w.offerId;
  const refusalAt = (key: string) => refusals().find((r) => r.key === key)?.message;
  let summary!: HTMLDivElement;

  /** Polite announcements for screen readers; emptied first, so the same words twice are read twice. */
  function announce(text: string) {
    setAnnouncement('');
    queueMicrotask(() => setAnnouncement(text));
  }

  function move(ci: number, m: Move, w: Wish, how: 'keyboard' | 'drag') {
    const list = draft.children[ci]?.wishes ?? [];
    if (m.to < 0 || m.to >= list.length) return;
    setDraft(
      'children',
      ci,
      'wishes',
      produce((l) => {
        const [moved] = l.splice(m.from, 1);
        if (moved) l.splice(m.to, 0, moved);
      }),
    );
    announce(tp('programme.wishes.moved', { wish: wishLabel(w), n: m.to + 1, total: list.length }));
    if (how === 'keyboard') {
      // A moved item may lose the focus (its node is re-inserted); it goes back to the button pressed, or its twin at the list's end.
      const direction = m.to < m.from ? 'up' : 'down';
      queueMicrotask(() => {
        const item = document.getElementById(wishElementId(draft.children[ci]?.childId ?? '', w));
        const button =
          item?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not(:disabled)`) ??
          item?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
        button?.focus();
      });
    }
  }

  function remove(ci: number, index: number, w: Wish) {
    setDraft('children', ci, 'wishes', (l) => l.filter((_, i) => i !== index));
    announce(tp('programme.wishes.removed', { wish: wishLabel(w) }));
    // The pressed button is gone: the focus goes to the wish now in its place (or the one before), else to the child's heading.
    queueMicrotask(() => {
      const childId = draft.children[ci]?.childId ?? '';
      const list = draft.children[ci]?.wishes ?? [];
      const next = list[index] ?? list[index - 1];
      const target = next
        ? document.getElementById(wishElementId(childId, next))?.querySelector<HTMLElement>('[data-remove]')
        : document.getElementById(`child-${childId}`);
      target?.focus();
    });
  }

  function add(ci: number, w: Wish) {
    setDraft('children', ci, 'wishes', (l) => [...l, w]);
    announce(tp('programme.wishes.added', { wish: wishLabel(w), n: draft.children[ci]?.wishes.length ?? 1 }));
  }

  function setMode(offerId: string, childIds: string[], mode: Mode | undefined) {
    setDraft('together', (list) => [...list.filter((g) => g.offerId !== offerId), ...(mode ? [{ offerId, childIds, mode }] : [])]);
  }

  async function save() {
    const input = toInput(draft);
    setRefusals([]);
    try {
      const saved = await props.save(input);
      const next = toInput(toDraft(saved, children()));
      setSavedInput(JSON.stringify(next));
      // The server's list is the truth; the draft is replaced only where it differs, so focus and order stay put.
      if (JSON.stringify(next) !== JSON.stringify(input)) setDraft(toDraft(saved, children()));
    } catch (err) {
      setRefusals(placeRefusals(err, input, childName));
      queueMicrotask(() => summary?.focus());
    }
  }

  return (
    <>
      <Show when={editable()} fallback={<p class="notice warning">{tp('programme.wishes.readOnly')}</p>}>
        <p>{tp('programme.wishes.deadline', { at: formatDateTime(programme().wishCloses) })}</p>
        <p class="hint">{tp('programme.wishes.dragHint')}</p>
      </Show>
      <div ref={summary} tabindex="-1">
        <Switch>
          <Match when={refusals().length > 0}>
            <div class="state state-error" role="alert">
              <p>
                <strong>{tp('programme.wishes.errorsTitle')}</strong>
              </p>
              <ul>
                <For each={refusals()}>{(r) => <li>{r.text}</li>}</For>
              </ul>
            </div>
          </Match>
          <Match when={props.state() === 'error'}>
            <ErrorNotice error={props.saveError()} />
          </Match>
        </Switch>
      </div>
      <For each={draft.children}>
        {(entry, ci) => {
          const child = () => children().find((c) => c.id === entry.childId) as Child;
          const headingId = `child-${entry.childId}`;
          return (
            <section class="child-wishes" aria-labelledby={headingId}>
              <h2 id={headingId} tabindex="-1">
                {child().firstName}
              </h2>
              <p class="hint">{tp('programme.wishes.count', { n: entry.wishes.length, max: max() })}</p>
              <Show when={refusalAt(`child:${entry.childId}`)}>{(text) => <p class="field-error">{text()}</p>}</Show>
              <WishList
                child={child()}
                wishes={entry.wishes}
                offers={programme().offers}
                editable={editable()}
                refusal={(w) => refusalAt(wishKey(entry.childId, w))}
                onMove={(m, w, how) => move(ci(), m, w, how)}
                onRemove={(i, w) => remove(ci(), i, w)}
              />
              <Show when={editable()}>
                <AddWish
                  child={child()}
                  offers={programme().offers}
                  listed={entry.wishes}
                  full={entry.wishes.length >= max()}
                  max={max()}
                  onAdd={(w) => add(ci(), w)}
                />
              </Show>
            </section>
          );
        }}
      </For>
      <Show when={children().length >= 2 && sharedOffers(draft).length > 0}>
        <section aria-labelledby="together-title">
          <h2 id="together-title">{tp('programme.wishes.togetherTitle')}</h2>
          <p class="hint">{tp('programme.wishes.togetherHint')}</p>
          <For each={sharedOffers(draft)}>
            {(shared) => (
              <SiblingChoice
                offerName={offerOf(shared.offerId) ? offerName(offerOf(shared.offerId) as CatalogOffer) : shared.offerId}
                offerId={shared.offerId}
                names={shared.childIds.map(childName).join(', ')}
                mode={draft.together.find((g) => g.offerId === shared.offerId)?.mode}
                editable={editable()}
                refusal={refusalAt(`together:${shared.offerId}`)}
                onChange={(m) => setMode(shared.offerId, shared.childIds, m)}
              />
            )}
          </For>
        </section>
      </Show>
      <Show
        when={editable()}
        fallback={
          <Show when={programme().status === 'published'}>
            <A class="button primary" href={programmePath(programme(), '/result')}>
              {tp('programme.wishes.toResult')}
            </A>
          </Show>
        }
      >
        <div class="save-bar">
          <button type="button" class="button primary big" disabled={props.state() === 'saving'} onClick={() => void save()}>
            {props.state() === 'saving' ? tp('programme.wishes.saving') : tp('programme.wishes.save')}
          </button>
          <p role="status" class="hint">
            <Switch>
              <Match when={props.state() === 'saving'}>{tp('programme.wishes.saving')}</Match>
              <Match when={dirty()}>{tp('programme.wishes.unsaved')}</Match>
              <Match when={props.state() === 'saved'}>
                {tp('programme.wishes.saved', { at: formatDateTime(answer().updatedAt ?? new Date().toISOString()) })}
              </Match>
            </Switch>
          </p>
        </div>
      </Show>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </>
  );
}

export default function WishesPage() {
  const params = useParams();
  const id = () => params.id ?? '';
  const wishes = createWishBoard(id);
  return (
    <RolePage
      title={wishes.board.state === 'ready' && wishes.board()?.answer.editable === false ? tp('programme.wishes.titleReadOnly') : tp('programme.wishes.title')}
      roles={['family']}
      before={<BackLink href={programmePath({ id: id() })} label={tp('programme.back')} />}
    >
      <p class="lead">{tp('programme.wishes.lead')}</p>
      <AsyncView
        resource={wishes.board}
        retry={() => void wishes.refetch()}
        isEmpty={(b) => b.children.length === 0 || b.programme.offers.length === 0}
        empty={
          <Show when={(wishes.board()?.children.length ?? 0) === 0} fallback={tp('programme.wishes.noOffers')}>
            <A href="/family">{tp('programme.wishes.noChildren')}</A>
          </Show>
        }
      >
        {(board) => <WishesEditor board={board()} save={wishes.save} state={wishes.state} saveError={wishes.error} />}
      </AsyncView>
    </RolePage>
  );
}
