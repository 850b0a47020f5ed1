import { describe, expect, it } from 'vitest';
import { webcalUrl } from '../../web/src/lib/ical-links';
import { readStored, writeStored } from '../../web/src/lib/storage';

const memory = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
};

describe('optional browser storage', () => {
  it('reads and writes where the browser allows it', () => {
    const scope = { localStorage: memory() };
    expect(readStored('k', 'localStorage', scope)).toBeUndefined();
    expect(writeStored('k', 'en', 'localStorage', scope)).toBe(true);
    expect(readStored('k', 'localStorage', scope)).toBe('en');
  });

  it('never throws when the storage itself or its methods throw', () => {
    const denied = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(readStored('k', 'localStorage', denied)).toBeUndefined();
    expect(writeStored('k', 'en', 'localStorage', denied)).toBe(false);
    const full = {
      sessionStorage: {
        ...memory(),
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      },
    };
    expect(writeStored('k', 'en', 'sessionStorage', full)).toBe(false);
    expect(readStored('k', 'sessionStorage', {})).toBeUndefined();
  });
});

describe('webcal links', () => {
  it('subscribe to the same host and path as the feed', () => {
    expect(webcalUrl('https://regiokurs.example', '/api/calendar.ics?municipality=lindach')).toBe(
      'webcal://regiokurs.example/api/calendar.ics?municipality=lindach',
    );
    expect(webcalUrl('http://localhost:3000', '/api/calendar.ics')).toBe('webcal://localhost:3000/api/calendar.ics');
  });
});
