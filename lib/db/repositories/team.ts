import { z } from 'zod';
import type { LkeDatabase, TeamMember } from '../schema';
import { RepositoryError } from './errors';
import { insertRow, requireStored, type Stored } from './rows';
import { isAssignableScope, scopeLevel } from '../../team/scope';

// The unit's ZI team (issue 7) and which member the user of this browser is.

/** The settings key of the member this browser's user is ("tugas saya"), chosen once. */
export const CURRENT_MEMBER_KEY = 'team.currentMember';

export interface MemberInput {
  name: string;
  role: string;
  /** An area code (scope level 'area'), or null. */
  area: string | null;
}

export const MAX_MEMBER_TEXT = 200;

function cleanMember(input: MemberInput): MemberInput {
  const name = input.name.trim();
  const role = input.role.trim();
  if (name === '' || name.length > MAX_MEMBER_TEXT) throw new RepositoryError('invalid_name', `A member's name needs 1 to ${MAX_MEMBER_TEXT} characters`);
  if (role.length > MAX_MEMBER_TEXT) throw new RepositoryError('invalid_text', `A role has at most ${MAX_MEMBER_TEXT} characters`);
  if (input.area !== null && !(isAssignableScope(input.area) && scopeLevel(input.area) === 'area')) {
    throw new RepositoryError('unknown_indicator', `Not an area: ${input.area}`);
  }
  return { name, role, area: input.area };
}

/** Names are compared as people type them: the same name in other case or spacing is one member. */
export const sameName = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

export async function listMembers(db: LkeDatabase, unitId: number): Promise<Stored<TeamMember>[]> {
  const members = (await db.teamMembers.where('unitId').equals(unitId).toArray()) as Stored<TeamMember>[];
  return members.sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

export async function addMember(db: LkeDatabase, unitId: number, input: MemberInput, now: Date): Promise<Stored<TeamMember>> {
  const member = cleanMember(input);
  return db.transaction('rw', db.units, db.teamMembers, async () => {
    requireStored(await db.units.get(unitId), `Unit ${unitId}`);
    if ((await listMembers(db, unitId)).some((other) => sameName(other.name, member.name))) {
      throw new RepositoryError('invalid_name', `A member named ${member.name} exists`);
    }
    return insertRow<TeamMember>(db.teamMembers, { unitId, ...member, createdAt: now.getTime() });
  });
}

export async function updateMember(db: LkeDatabase, memberId: number, input: MemberInput): Promise<Stored<TeamMember>> {
  const changes = cleanMember(input);
  return db.transaction('rw', db.teamMembers, async () => {
    const member = { ...requireStored(await db.teamMembers.get(memberId), `Member ${memberId}`), ...changes };
    await db.teamMembers.put(member);
    return member;
  });
}

/**
 * Removes a member and their assignments (their indicators fall back to the next wider assignment
 * or to nobody). The workflow record keeps their name: it is history.
 */
export function removeMember(db: LkeDatabase, memberId: number): Promise<void> {
  return db.transaction('rw', db.teamMembers, db.assignments, db.settings, async () => {
    requireStored(await db.teamMembers.get(memberId), `Member ${memberId}`);
    await db.assignments.where('memberId').equals(memberId).delete();
    await db.teamMembers.delete(memberId);
    if ((await currentMemberId(db)) === memberId) await db.settings.delete(CURRENT_MEMBER_KEY);
  });
}

/** The member of `unitId` with this name, created with `input`'s role and area when missing. */
export async function memberNamed(db: LkeDatabase, unitId: number, input: MemberInput, now: Date): Promise<Stored<TeamMember>> {
  const existing = (await listMembers(db, unitId)).find((member) => sameName(member.name, input.name));
  return existing ?? addMember(db, unitId, input, now);
}

// Settings hold `unknown`: a value written by hand or by another build is ignored.
export async function currentMemberId(db: LkeDatabase): Promise<number | null> {
  return z.number().int().safeParse((await db.settings.get(CURRENT_MEMBER_KEY))?.value).data ?? null;
}

export function setCurrentMember(db: LkeDatabase, memberId: number | null): Promise<void> {
  return db.transaction('rw', db.teamMembers, db.settings, async () => {
    if (memberId === null) return db.settings.delete(CURRENT_MEMBER_KEY);
    requireStored(await db.teamMembers.get(memberId), `Member ${memberId}`);
    await db.settings.put({ key: CURRENT_MEMBER_KEY, value: memberId });
  });
}
