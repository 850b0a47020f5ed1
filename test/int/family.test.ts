import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegion } from '../../functions/demo/seed.js';
import type { Child, Household } from '../../shared/schemas/household.js';
import { createTestContext } from '../support/context.js';
import { createUser, json, type TestUser } from '../support/users.js';

describe('household and children', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let anna: TestUser;
  let ben: TestUser;

  beforeAll(async () => {
    t = await createTestContext();
    await seedDemoRegion(t.ctx.ports);
    anna = await createUser(t.ctx);
    ben = await createUser(t.ctx);
  });

  const addChild = (user: TestUser, body: unknown) => t.app.request('/api/family/children', json('POST', body, user.headers));

  it('adds, edits, lists and deletes a child', async () => {
    const created = await addChild(anna, { firstName: ' Mia ', birthDate: '2019-05-04', notes: 'Laktoseintoleranz' });
    expect(created.status).toBe(201);
    const child = (await created.json()) as Child;
    expect(child).toMatchObject({ firstName: 'Mia', birthDate: '2019-05-04', notes: 'Laktoseintoleranz' });

    const patched = await t.app.request(`/api/family/children/${child.id}`, json('PATCH', { notes: 'Abholung: Oma' }, anna.headers));
    expect(await patched.json()).toMatchObject({ id: child.id, firstName: 'Mia', notes: 'Abholung: Oma' });

    const list = (await (await t.app.request('/api/family/children', { headers: anna.headers })).json()) as { items: Child[] };
    expect(list.items).toEqual([{ id: child.id, firstName: 'Mia', birthDate: '2019-05-04', notes: 'Abholung: Oma' }]);

    expect((await t.app.request(`/api/family/children/${child.id}`, { method: 'DELETE', headers: anna.headers })).status).toBe(204);
    expect((await t.app.request(`/api/family/children/${child.id}`, { method: 'DELETE', headers: anna.headers })).status).toBe(404);
  });

  it('never shows or changes another household’s child', async () => {
    const child = (await (await addChild(anna, { firstName: 'Noah', birthDate: '2020-01-01' })).json()) as Child;
    const list = (await (await t.app.request('/api/family/children', { headers: ben.headers })).json()) as { items: Child[] };
    expect(list.items.map((c) => c.id)).not.toContain(child.id);
    const patch = await t.app.request(`/api/family/children/${child.id}`, json('PATCH', { firstName: 'X' }, ben.headers));
    expect(patch.status).toBe(404);
    expect((await t.app.request(`/api/family/children/${child.id}`, { method: 'DELETE', headers: ben.headers })).status).toBe(404);
    const mine = (await (await t.app.request('/api/family/children', { headers: anna.headers })).json()) as { items: Child[] };
    expect(mine.items.find((c) => c.id === child.id)?.firstName).toBe('Noah');
  });

  it('saves the guardian and derives the municipality of residence from the postal code', async () => {
    const res = await t.app.request('/api/family/household', json('PUT', { name: 'Anna Huber', phone: '+43 660 1111111', postalCode: '4821' }, anna.headers));
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
    const before = (await (await t.app.request('/api/family/children', { headers: ben.headers })).json()) as { items: Child[] };
    const res = await addChild(ben, body);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain(field);
    const after = (await (await t.app.request('/api/family/children', { headers: ben.headers })).json()) as { items: Child[] };
    expect(after.items).toEqual(before.items);
  });
});
