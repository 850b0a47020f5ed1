import { createResource, createSignal } from 'solid-js';
import { guardianInput } from '../../../shared/schemas/household';
import { api, type Child, type ChildInput, type GuardianInput, type Household } from '../api/client';

/** The guardian's contact as a form starts from it: what is stored, the rest empty. */
export const guardianDraft = (household: Household) => ({
  name: household.guardian.name ?? '',
  phone: household.guardian.phone ?? '',
  postalCode: household.guardian.postalCode ?? '',
});

/** The family's household: guardian contact and children, with optimistic child edits. */
export function createHousehold() {
  const [household] = createResource(api.household);
  const [children, { mutate: setChildren }] = createResource(api.children);
  const [contactSaved, setContactSaved] = createSignal(false);

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
    /** Whether a provider can reach the guardian: name, phone and postal code as the API's own schema accepts them. */
    hasContact: () => contactSaved() || guardianInput.safeParse(household()?.guardian).success,
    /** Not written back into `household`: that would re-create the form the user is in. */
    async saveGuardian(guardian: GuardianInput) {
      await api.saveGuardian(guardian);
      setContactSaved(true);
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
