import { describe, expect, it } from 'vitest';
import { fieldFor, getPath } from '../../web/src/lib/form';

const values = { name: '', ageRange: { min: '3', max: '' }, sessions: [{ start: '', place: 'Turnsaal' }] };

describe('server errors find their field', () => {
  it('reads nested values by dotted path, list indexes included', () => {
    expect(getPath(values, 'ageRange.min')).toBe('3');
    expect(getPath(values, 'sessions.0.place')).toBe('Turnsaal');
    expect(getPath(values, 'sessions.1.place')).toBeUndefined();
  });

  it('places an error at the same path, or at its tail when the API nests the body', () => {
    expect(fieldFor('sessions.0.start', values)).toBe('sessions.0.start');
    expect(fieldFor('guardian.name', values)).toBe('name');
    expect(fieldFor('body.ageRange.max', values)).toBe('ageRange.max');
  });

  it('leaves errors for fields the form does not have to the form-level message', () => {
    expect(fieldFor('idempotency-key', values)).toBe('');
    expect(fieldFor('sessions.3.start', values)).toBe('');
  });
});
