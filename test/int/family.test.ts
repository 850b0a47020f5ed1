import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegion } from '../../functions/demo/seed.js';
import type { Child, Household } from '../../shared/schemas/household.js';
import { createTestContext, testClock } from '../support/context.js';
import { createUser, json, type TestUser } from '../support/users.js';

describe('household and children', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
    await seedDemoRegion(t.ctx.ports);
  });

  const addChild = (user: TestUser, body: unknown) => t.app.request('/api/family/children', json('POST', body, user.headers));
  const listChildren = async (user: TestUser) => (await (await t.app.request('/api/family/children', { headers: user.headers })).json()) as { items: Child[] };
  const patchChild = (user: TestUser, id: string, body: unknown) => t.app.request(`/api/family/children/${id}`, json('PATCH', body, user.headers));
  const deleteChild = (user: TestUser, id: string) => t.app.request(`/api/family/children/${id}`, { method: 'DELETE', headers: user.headers });
  /** A new family with one child, Mia, added through the API. */
  async function prepareMia() {
    const anna = await createUser(t.ctx);
    const child = (await (
      await addChild(anna, { firstName: ' Mia ', birthDate: '2019-05-04', notes: 'Laktoseintoleranz', notesConsent: true })
    ).json()) as Child;
    return { anna, child };
  }

  it('adds a child, trimming the first name', async () => {
    // Prepare
    const anna = await createUser(t.ctx);

    // Act
    const created = await addChild(anna, { firstName: ' Mia ', birthDate: '2019-05-04', notes: 'Laktoseintoleranz', notesConsent: true });

    // Assess
    expect(created.status).toBe(201);
    const child = (await created.json()) as Child;
    expect(child).toMatchObject({ firstName: 'Mia', birthDate: '2019-05-04', notes: 'Laktoseintoleranz', notesConsentAt: t.clock.now().toISOString() });
  });

  it('keeps a household at 15 children when 30 are added at once', async () => {
    // Prepare
    const anna = await createUser(t.ctx);

    // Act
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => addChild(anna, { firstName: `Kind ${i}`, birthDate: '2018-01-01' })));

    // Assess
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(15);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    expect((await listChildren(anna)).items).toHaveLength(15);
    const refused = answers.find((a) => a.status === 409);
    expect(JSON.stringify(await refused?.json())).toContain('Höchstens 15 Kinder');
  });

  it('edits a child’s notes', async () => {
    // Prepare
    const { anna, child } = await prepareMia();

    // Act
    const patched = await patchChild(anna, child.id, { notes: 'Abholung: Oma', notesConsent: true });

    // Assess
    expect(await patched.json()).toMatchObject({ id: child.id, firstName: 'Mia', notes: 'Abholung: Oma' });
  });

  describe('keeps notes (health data, GDPR Art. 9) only with the guardian’s recorded consent', () => {
    it('refuses notes without the consent, naming it, and stores no child', async () => {
      // Prepare
      const anna = await createUser(t.ctx);

      // Act
      const res = await addChild(anna, { firstName: 'Mia', birthDate: '2019-05-04', notes: 'Asthma-Spray' });

      // Assess
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(['notesConsent']);
      expect(problem.errors[0]?.message).toContain('Einwilligung');
      expect((await listChildren(anna)).items).toEqual([]);
    });

    it('records when the consent was given, and keeps a child without notes needing none', async () => {
      // Prepare
      const anna = await createUser(t.ctx);

      // Act
      const withNotes = (await (
        await addChild(anna, { firstName: 'Mia', birthDate: '2019-05-04', notes: 'Asthma-Spray', notesConsent: true })
      ).json()) as Child;
      const without = await addChild(anna, { firstName: 'Ben', birthDate: '2020-05-04' });

      // Assess
      expect(withNotes).toMatchObject({ notes: 'Asthma-Spray', notesConsentAt: t.clock.now().toISOString() });
      expect(without.status).toBe(201);
      expect(await without.json()).not.toHaveProperty('notesConsentAt');
    });

    it('deletes the notes with the consent when the guardian withdraws it', async () => {
      // Prepare
      const { anna, child } = await prepareMia();

      // Act
      const withdrawn = await patchChild(anna, child.id, { notesConsent: false });

      // Assess
      expect(withdrawn.status).toBe(200);
      expect((await listChildren(anna)).items).toEqual([{ id: child.id, firstName: 'Mia', birthDate: '2019-05-04' }]);
    });
  });

  describe('refuses a birth date after today in the region, and stores nothing', () => {
    // 23:30 in London is already the next day in Vienna, the region's zone.
    const clock = testClock(new Date('2026-03-02T23:30:00Z'));
    let z: Awaited<ReturnType<typeof createTestContext>>;
    beforeAll(async () => {
      z = await createTestContext({}, clock);
    });
    const add = (user: TestUser, body: unknown) => z.app.request('/api/family/children', json('POST', body, user.headers));
    const children = async (user: TestUser) =>
      ((await (await z.app.request('/api/family/children', { headers: user.headers })).json()) as { items: Child[] }).items;

    it('when a child is added', async () => {
      // Prepare
      const anna = await createUser(z.ctx);

      // Act
      const res = await add(anna, { firstName: 'Noch', birthDate: '2026-03-04' });

      // Assess
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(['birthDate']);
      expect(problem.errors[0]?.message).toMatch(/Geburtsdatum/);
      expect(await children(anna)).toEqual([]);
    });

    it('when a child is edited', async () => {
      // Prepare
      const anna = await createUser(z.ctx);
      const mia = (await (await add(anna, { firstName: 'Mia', birthDate: '2019-05-04' })).json()) as Child;

      // Act
      const res = await z.app.request(`/api/family/children/${mia.id}`, json('PATCH', { birthDate: '2027-01-01' }, anna.headers));

      // Assess
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['birthDate']);
      expect(await children(anna)).toMatchObject([{ id: mia.id, birthDate: '2019-05-04' }]);
    });

    it('but takes a child born today in the region, though still yesterday in UTC', async () => {
      // Prepare
      const anna = await createUser(z.ctx);

      // Act
      const res = await add(anna, { firstName: 'Neu', birthDate: '2026-03-03' });

      // Assess
      expect(res.status).toBe(201);
      expect(await children(anna)).toMatchObject([{ firstName: 'Neu', birthDate: '2026-03-03' }]);
    });
  });

  it('lists the household’s children as last edited', async () => {
    // Prepare
    const { anna, child } = await prepareMia();
    await patchChild(anna, child.id, { notes: 'Abholung: Oma', notesConsent: true });

    // Act
    const list = await listChildren(anna);

    // Assess
    expect(list.items).toEqual([
      { id: child.id, firstName: 'Mia', birthDate: '2019-05-04', notes: 'Abholung: Oma', notesConsentAt: t.clock.now().toISOString() },
    ]);
  });

  it('deletes a child', async () => {
    // Prepare
    const { anna, child } = await prepareMia();

    // Act
    const res = await deleteChild(anna, child.id);

    // Assess
    expect(res.status).toBe(204);
  });

  it('answers 404 to deleting a child already deleted', async () => {
    // Prepare
    const { anna, child } = await prepareMia();
    await deleteChild(anna, child.id);

    // Act
    const again = await deleteChild(anna, child.id);

    // Assess
    expect(again.status).toBe(404);
  });

  describe('never shows or changes another household’s child', () => {
    /** Anna's child Noah, and Ben of another household. */
    async function prepareNeighbours() {
      const [anna, ben] = await Promise.all([createUser(t.ctx), createUser(t.ctx)]);
      const child = (await (await addChild(anna, { firstName: 'Noah', birthDate: '2020-01-01' })).json()) as Child;
      return { anna, ben, child };
    }

    it('in the list', async () => {
      // Prepare
      const { ben, child } = await prepareNeighbours();

      // Act
      const list = await listChildren(ben);

      // Assess
      expect(list.items.map((c) => c.id)).not.toContain(child.id);
    });

    it.each<[string, (ben: TestUser, id: string) => Response | Promise<Response>]>([
      ['an edit', (ben, id) => patchChild(ben, id, { firstName: 'X' })],
      ['a delete', (ben, id) => deleteChild(ben, id)],
    ])('refusing %s with 404, and the child stays as it was', async (_name, act) => {
      // Prepare
      const { anna, ben, child } = await prepareNeighbours();

      // Act
      const res = await act(ben, child.id);

      // Assess
      expect(res.status).toBe(404);
      const mine = await listChildren(anna);
      expect(mine.items.find((c) => c.id === child.id)?.firstName).toBe('Noah');
    });
  });

  it('saves the guardian and derives the municipality of residence from the postal code', async () => {
    // Prepare
    const anna = await createUser(t.ctx);

    // Act
    const res = await t.app.request('/api/family/household', json('PUT', { name: 'Anna Huber', phone: '+43 660 1111111', postalCode: '4821' }, anna.headers));

    // Assess
    expect(res.status).toBe(200);
    const household = (await res.json()) as Household;
    expect(household).toMatchObject({ guardian: { name: 'Anna Huber', postalCode: '4821' }, municipalityId: 'kirchau' });
  });

  it.each([
    [{ firstName: '', birthDate: '2019-01-01' }, 'firstName'],
    [{ firstName: 'Lea' }, 'birthDate'],
    [{ firstName: 'Lea', birthDate: '2019-13-01' }, 'birthDate'],
    [{ firstName: 'Lea', birthDate: '2019-01-01', notes: 'x'.repeat(501) }, 'notes'],
  ])('refuses child %j with 400 naming %s, and stores nothing', async (body, field) => {
    // Prepare
    const ben = await createUser(t.ctx);
    const before = await listChildren(ben);

    // Act
    const res = await addChild(ben, body);

    // Assess
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain(field);
    const after = await listChildren(ben);
    expect(after.items).toEqual(before.items);
  });
});
