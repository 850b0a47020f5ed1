import { createSignal } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import type { ZodType } from 'zod';
import { describeIssue, type Language } from '../../../shared/validation-messages';
import { ApiError } from '../api/client';

type Values = Record<string, unknown>;
/**
 * A field's error: the form's own check gives it in both languages (the field shows the page's
 * language, also after a switch); the server's comes as a text already in the page's language.
 */
export type FieldMessage = string | Record<Language, string>;

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o === null || typeof o !== 'object' ? undefined : (o as Values)[key]), obj);
}

function setPath(obj: Values, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target: Values = obj;
  for (const key of keys) target = target[key] as Values;
  target[last] = value;
}

/** The form's field for a server error path: the same path, or its tail (`guardian.name` → `name`). */
export function fieldFor(path: string, values: unknown): string {
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('.');
    if (getPath(values, candidate) !== undefined) return candidate;
  }
  return '';
}

/**
 * A form that validates as you type with the API's own zod schema: a field shows its error once
 * touched, all fields on submit; server errors land next to the field their `path` names. Both
 * come from the same catalog (shared/validation-messages.ts): a message names the field.
 */
export function createForm<V extends Values, Out>(options: { schema: ZodType<Out>; initial: V; toInput?: (values: V) => unknown }) {
  const [values, setValues] = createStore<V>(structuredClone(options.initial));
  const [errors, setErrors] = createStore<Record<string, FieldMessage | undefined>>({});
  const [formError, setFormError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const touched = new Set<string>();
  const toInput = options.toInput ?? ((v: V) => v);

  function check(all: boolean): Out | undefined {
    const input = toInput(unwrap(values));
    const result = options.schema.safeParse(input);
    const found: Record<string, FieldMessage> = {};
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [de, en] = [describeIssue(issue, 'de', input), describeIssue(issue, 'en', input)];
        found[de.path] ??= { de: de.message, en: en.message };
      }
    }
    const keys = new Set([...Object.keys(errors), ...Object.keys(found)]);
    for (const key of keys) if (all || touched.has(key) || !found[key]) setErrors(key, found[key]);
    return result.success ? result.data : undefined;
  }

  return {
    values,
    errors,
    formError,
    busy,
    get: (path: string) => getPath(values, path),
    set(path: string, value: unknown) {
      setValues(produce((draft) => setPath(draft as Values, path, value)));
      touched.add(path);
      check(false);
    },
    /** Replaces a whole part of the values, e.g. after adding a row to a list. */
    update(change: (draft: V) => void) {
      setValues(produce(change));
    },
    reset(next: V = options.initial) {
      setValues(structuredClone(next));
      touched.clear();
      setErrors(produce((e) => Object.keys(e).forEach((k) => delete e[k])));
    },
    async submit(action: (data: Out) => Promise<void>) {
      setFormError(undefined);
      const data = check(true);
      if (data === undefined) {
        queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return;
      }
      setBusy(true);
      try {
        await action(data);
      } catch (error) {
        const fieldErrors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
        const placed = fieldErrors.filter((e) => fieldFor(e.path, values));
        for (const e of placed) setErrors(fieldFor(e.path, values), e.message);
        if (placed.length < fieldErrors.length || placed.length === 0) setFormError(error);
        if (placed.length) queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } finally {
        setBusy(false);
      }
    },
  };
}

export type Form = ReturnType<typeof createForm<Values, unknown>>;
