import type { FamilyResult, Programme, WishesInput } from '../../shared/schemas/programme.js';
import type { RegistrationItem } from './registrations.js';

/**
 * The stored programme: what anyone may read, plus the secret that makes the draw's pseudonyms
 * (never shown: without it nobody can tell which family a pseudonym stands for).
 */
export type StoredProgramme = Programme & {
  pseudonymKey: string;
  createdAt: string;
  updatedAt: string;
  /** When the draw was asked for: the drawn registrations' `createdAt`, the same on every retry. */
  drawStartedAt?: string;
};

/** A family's wish list for one programme, as stored. */
export type StoredWishes = WishesInput & { programmeId: string; householdId: string; updatedAt: string };

/** A family's result, as stored at publication; `mailedAt` once its e-mail went out. */
export type StoredResult = FamilyResult & { householdId: string; mailedAt?: string };

/**
 * What the draw writes for one child of a family in one offer (at most 20 registrations), in one transaction: its registrations
 * (confirmed, or waitlisted with the draw's ticket), and per unit the counters they move.
 */
export type DrawnFamilyOffer = {
  offerId: string;
  householdId: string;
  registrations: RegistrationItem[];
  /** Per unit: places confirmed and line entries added by this write; `waitTail` = the unit's line length after the draw. */
  units: { unitId: string; confirm: number; wait: number; waitTail: number }[];
  /** Per child: active registrations added. */
  children: { childId: string; count: number }[];
};

/** Holiday programmes: settings, wish lists, the frozen snapshot, the draw's writes and results. */
export interface ProgrammeRepo {
  /** False if the id is taken. */
  createProgramme(programme: StoredProgramme): Promise<boolean>;
  /** Replaces the programme, only if it is still as read (`updatedAt`); false otherwise. */
  replaceProgramme(programme: StoredProgramme, readUpdatedAt: string): Promise<boolean>;
  getProgramme(id: string): Promise<StoredProgramme | undefined>;
  listProgrammes(): Promise<StoredProgramme[]>;

  getWishes(programmeId: string, householdId: string): Promise<StoredWishes | undefined>;
  /** Replaces the family's list; only while the programme is `wishing` (false otherwise). */
  putWishes(wishes: StoredWishes): Promise<boolean>;
  /** Every family's list, strongly consistent (the freeze and the draw read them). */
  listWishes(programmeId: string): Promise<StoredWishes[]>;
  /** After the objection period: the snapshot and every wish list; after the retention time: the results. */
  deleteProgrammeData(programmeId: string, what: 'snapshot-and-wishes' | 'results'): Promise<void>;
  /** Erasure of a family: its wish lists and results in every programme. */
  deleteFamilyEntries(householdId: string, programmeIds: string[]): Promise<void>;

  /** Stores the frozen snapshot's canonical JSON (compressed, in chunks), replacing any before. */
  putSnapshot(programmeId: string, json: string): Promise<void>;
  getSnapshot(programmeId: string): Promise<string | undefined>;

  /**
   * Writes drawn registrations of one child in one offer; 'before' if this very write committed
   * earlier, 'child-gone' if the child was deleted, 'refused' if a seat, guard or line entry is not as the draw found it.
   */
  writeDrawn(write: DrawnFamilyOffer): Promise<'written' | 'before' | 'child-gone' | 'refused'>;
  /** After the draw, a programme offer is first come, first served (its version moves, so edits re-read it). */
  openForFirstCome(offerId: string, now: string): Promise<void>;

  /** Stores a family's result once; a second put changes nothing. */
  putResult(programmeId: string, result: StoredResult): Promise<void>;
  getResult(programmeId: string, householdId: string): Promise<StoredResult | undefined>;
  listResults(programmeId: string): Promise<StoredResult[]>;
  /** Claims the family's result e-mail: true only for the first caller. */
  markResultMailed(programmeId: string, householdId: string, now: string): Promise<boolean>;
}
