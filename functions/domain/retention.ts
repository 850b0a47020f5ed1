import type { Ports } from '../ports/index.js';

// TODO(helper): erase an offer's personal data after its retention time.
export async function eraseOfferData(_ports: Ports, _offerId: string): Promise<void> {
  throw new Error('retention not built yet');
}

// TODO(helper): warn, then delete, accounts without activity.
export async function checkInactiveAccount(_ports: Ports, _userId: string): Promise<void> {
  throw new Error('inactive accounts not built yet');
}
