import { createResource } from 'solid-js';
import { api, type Child, type ChildInput, type GuardianInput } from '../api/client';

/** The family's household: guardian contact and children, with optimistic child edits. */
export function createHousehold() {
  const [household] = createResource(api.household);
  const [children, { mutate: setChildren }] = createResource(api.children);

  /** Applies `change` at once and puts the previous list back if the server refuses. */
  async function optimistic<T>(change: (list: Child[]) => Child[], call: () => Promise<T>): Promise<T> {
    const before = children() ?? [];
    setChildren(change(before));
    try {
      return await call();
    } catch (error) {
      setChildren(before);
      throw error;
    }
  }

  return {
    household,
    children,
    /** Not written back into `household`: that would re-create the form the user is in. */
    async saveGuardian(guardian: GuardianInput) {
      await api.saveGuardian(guardian);
    },
    async addChild(input: ChildInput) {
      const child = await api.addChild(input);
      setChildren([...(children() ?? []), child]);
      return child;
    },
    updateChild: (id: string, input: ChildInput) =>
      optimistic(
        (list) => list.map((c) => (c.id === id ? { ...c, ...input } : c)),
        () => api.updateChild(id, input),
      ),
    removeChild: (id: string) =>
      optimistic(
        (list) => list.filter((c) => c.id !== id),
        () => api.removeChild(id),
      ),
  };
}
