import type { Child, GuardianInput, HouseholdAnswer } from '../../shared/schemas/household.js';

/** What erasing a family deletes: its account, address claim, household and children. */
type HouseholdErasure = { id: string; userId: string; email: string; childIds: string[] };

/** What an edit does to a stored child. */
export type ChildChange = { set: Partial<Omit<Child, 'id'>>; remove: ('notes' | 'notesConsentAt')[] };

/** A household (guardian contact, residence) and its children. */
export interface HouseholdRepo {
  /** The household with its children, strongly consistent. */
  getHousehold(householdId: string): Promise<HouseholdAnswer | undefined>;
  updateGuardian(householdId: string, guardian: GuardianInput, municipalityId: string | undefined): Promise<void>;
  /** 'full' when the household already has MAX_CHILDREN (counted in the same write, so parallel adds cannot pass it). */
  addChild(householdId: string, child: Child, createdAt: string): Promise<'added' | 'full' | 'missing'>;
  /** Sets the given fields and deletes the `remove`d ones; undefined if the child is not in this household. */
  updateChild(householdId: string, childId: string, change: ChildChange): Promise<Child | undefined>;
  /** 'booked' when the child still holds active registrations. */
  deleteChild(householdId: string, childId: string): Promise<'deleted' | 'missing' | 'booked'>;
  /**
   * Deletes children, household, account and everything under the e-mail address at once.
   * False if a child holds an active registration (one slipped in): cancel it and try again.
   */
  eraseHousehold(household: HouseholdErasure): Promise<boolean>;
}
