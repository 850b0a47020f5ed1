import type { Ports } from '../ports/index.js';

// TODO(helper): e-mail the families who asked, when the offer's registration opens.
export async function announceOpening(_ports: Ports, _offerId: string): Promise<void> {
  throw new Error('registration opening not built yet');
}
