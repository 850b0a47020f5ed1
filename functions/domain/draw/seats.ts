import type { DrawSnapshot } from '../../../shared/schemas/draw-snapshot.js';

type ReserveSemantics = DrawSnapshot['settings']['reserveSemantics'];
export type SeatKind = 'reserved' | 'open';

/** A unit's free seats by kind. After round 1 the reserved ones are released: `reservedFree` is 0 from then on. */
export type SeatLedger = { reservedFree: number; openFree: number };

export const seatLedger = (seats: number, reserved: number): SeatLedger => {
  const kept = Math.min(Math.max(reserved, 0), seats);
  return { reservedFree: kept, openFree: seats - kept };
};

/** Free seats a child may take: residents any, others open ones only. */
export const seatsFor = (ledger: SeatLedger, resident: boolean) => (resident ? ledger.reservedFree + ledger.openFree : ledger.openFree);

/**
 * Which kind of seat a child takes, or null when none it may take is free. `minimum` (reserve
 * first): a resident takes a reserved seat while one is free, else an open one. `open_first`: a
 * resident takes an open seat while one is free, else a reserved one. Others: open seats only.
 */
export function seatKindFor(ledger: SeatLedger, resident: boolean, semantics: ReserveSemantics): SeatKind | null {
  if (!resident) return ledger.openFree > 0 ? 'open' : null;
  const order: SeatKind[] = semantics === 'minimum' ? ['reserved', 'open'] : ['open', 'reserved'];
  return order.find((kind) => (kind === 'reserved' ? ledger.reservedFree : ledger.openFree) > 0) ?? null;
}

export function takeSeat(ledger: SeatLedger, kind: SeatKind): void {
  if (kind === 'reserved') ledger.reservedFree--;
  else ledger.openFree--;
}

/** Reserved seats still free after round 1 go to everyone; returns how many were released. */
export function releaseReserved(ledger: SeatLedger): number {
  const released = ledger.reservedFree;
  ledger.openFree += released;
  ledger.reservedFree = 0;
  return released;
}
