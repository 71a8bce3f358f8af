import { useOutletContext } from 'react-router';
import type { SessionUser } from '../../server/features/auth/auth.contract.ts';

/** What the staff area gives every page: who is signed in. */
export type StaffContext = { user: SessionUser };

/** The signed-in user of the staff area (pages render inside it, so there always is one). */
export function useStaffUser(): SessionUser {
  return useOutletContext<StaffContext>().user;
}

/** Programme officers and administrators change the portfolio; others read their part of it. */
export const isStaffRole = (role: SessionUser['role']) => role === 'officer' || role === 'admin';
/** Staff and steering members read everything (steering without personal contact data). */
export const readsAll = (role: SessionUser['role']) => isStaffRole(role) || role === 'steering';
