import { describe, expect, it } from 'vitest';
import { fieldFor, getPath } from '../../web/src/lib/form';

const values = { name: '', ageRange: { min: '3', max: '' }, sessions: [{ start: '', place: 'Turnsaal' }] };

describe('server errors find their field', () => {
  it.each([
    ['ageRange.min', '3'],
    ['sessions.0.place', 'Turnsaal'],
    ['sessions.1.place', undefined],
  ])('reads nested values by dotted path, list indexes included: %s is %s', (path, expected) => {
    // Act
    const value = getPath(values, path);

    // Assess
    expect(value).toBe(expected);
  });

  it.each([
    ['sessions.0.start', 'sessions.0.start'],
    ['guardian.name', 'name'],
    ['body.ageRange.max', 'ageRange.max'],
  ])('places an error at the same path, or at its tail when the API nests the body: %s at %s', (path, expected) => {
    // Act
    const field = fieldFor(path, values);

    // Assess
    expect(field).toBe(expected);
  });

  it.each(['idempotency-key', 'sessions.3.start'])('leaves an error for a field the form does not have (%s) to the form-level message', (path) => {
    // Act
    const field = fieldFor(path, values);

    // Assess
    expect(field).toBe('');
  });
});
