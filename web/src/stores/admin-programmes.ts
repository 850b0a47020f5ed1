import { createEffect, createResource, on, onCleanup } from 'solid-js';
import { api, type Programme, type ProgrammeInput, type ProgrammePatch } from '../api/client';

/** How often a running draw is asked after: it takes seconds, the writes dominate. */
const DRAW_POLL_MS = 2_000;

/** The region admin's programmes, drafts included; a new one joins the list once saved. */
export function createAdminProgrammes() {
  const [programmes, { mutate, refetch }] = createResource(api.adminProgrammes);
  return {
    programmes,
    refetch,
    async create(input: ProgrammeInput) {
      const saved = await api.createProgramme(input);
      mutate((list) => [saved, ...(list ?? [])]);
      return saved;
    },
  };
}

/**
 * One programme as its admin page needs it: for the region admin a draft too; for a
 * municipality's coordinator, who may read its report, as the public reads it. `asAdmin` is
 * undefined until the session is known. A draw that answers 202 runs as due work: the
 * programme is read again until it is published.
 */
export function createAdminProgramme(id: () => string, asAdmin: () => boolean | undefined) {
  const [programme, { mutate, refetch }] = createResource(
    () => {
      const admin = asAdmin();
      return admin === undefined ? undefined : { id: id(), admin };
    },
    (key): Promise<Programme> => (key.admin ? api.adminProgramme(key.id) : api.programme(key.id)),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  // A draw started here or elsewhere: read again until it is published.
  createEffect(
    on(
      () => programme.state === 'ready' && programme()?.status === 'drawing',
      (drawing) => {
        clearTimeout(timer);
        if (drawing) timer = setTimeout(() => void refetch(), DRAW_POLL_MS);
      },
    ),
  );

  return {
    programme,
    refetch,
    /** Settings of a draft, or `{status: 'wishing'}` to publish it; the page shows the server's answer. */
    async save(patch: ProgrammePatch) {
      mutate(await api.updateProgramme(id(), patch));
    },
    async draw(randomness: string) {
      const answer = await api.runDraw(id(), { randomness });
      const current = programme();
      if (answer) mutate(answer);
      else if (current) mutate({ ...current, status: 'drawing', randomness });
    },
  };
}

/** The fairness report of a drawn programme, read once it is published. */
export function createProgrammeReport(id: () => string | undefined) {
  const [report, { refetch }] = createResource(id, api.programmeReport);
  return { report, refetch };
}
