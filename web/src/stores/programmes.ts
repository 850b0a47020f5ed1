import { createResource, createSignal } from 'solid-js';
import { api, ApiError, type Child, type ProgrammeDetail, type WishesAnswer, type WishesInput } from '../api/client';

/** One programme with its offers and, once drawn, its proof. */
export function createProgramme(id: () => string) {
  const [programme, { refetch }] = createResource(id, api.programme);
  return { programme, refetch };
}

export type WishBoard = { programme: ProgrammeDetail; children: Child[]; answer: WishesAnswer };
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * What the wishes page needs at once: the programme's offers, the household's children and the
 * family's saved wish list. Saving replaces the whole list (the API's PUT is idempotent); the
 * page keeps its draft on a refusal, so nothing typed is lost and the server's reasons show at
 * the wishes they name.
 */
export function createWishBoard(id: () => string) {
  const [board, { mutate, refetch }] = createResource(id, async (programmeId): Promise<WishBoard> => {
    const [programme, children, answer] = await Promise.all([api.programme(programmeId), api.children(), api.wishes(programmeId)]);
    return { programme, children, answer };
  });
  const [state, setState] = createSignal<SaveState>('idle');
  const [error, setError] = createSignal<unknown>();
  return {
    board,
    refetch,
    state,
    error,
    /** Answers the list as the server now holds it, or throws its refusal (kept in `error`). */
    async save(input: WishesInput): Promise<WishesAnswer> {
      setState('saving');
      setError(undefined);
      try {
        const answer = await api.saveWishes(id(), input);
        mutate((b) => (b ? { ...b, answer } : b));
        setState('saved');
        return answer;
      } catch (err) {
        setError(err);
        setState('error');
        throw err;
      }
    },
  };
}

/** The family's draw result; `null` while the draw is not published (the API answers 409). */
export function createDrawResult(id: () => string) {
  const [result, { refetch }] = createResource(id, async (programmeId) => {
    try {
      return await api.drawResult(programmeId);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return null;
      throw err;
    }
  });
  return { result, refetch };
}
