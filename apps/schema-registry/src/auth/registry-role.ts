/**
 * Who may do what. Each role includes the ones before it: `write` can do everything `read`
 * can, `admin` everything `write` can. `public` is for the one route that needs no
 * credentials (/health), so orchestration can probe a registry it holds no secret for.
 */
export const AccessLevel = {
  Public: 'public',
  Read: 'read',
  Write: 'write',
  Admin: 'admin',
} as const;
export type AccessLevel = (typeof AccessLevel)[keyof typeof AccessLevel];

/** The roles a users-file entry may carry. */
export type RegistryRole = Exclude<AccessLevel, 'public'>;
export const REGISTRY_ROLES: readonly RegistryRole[] = [AccessLevel.Read, AccessLevel.Write, AccessLevel.Admin];

const RANK: Readonly<Record<AccessLevel, number>> = { public: 0, read: 1, write: 2, admin: 3 };

export function isRegistryRole(value: string): value is RegistryRole {
  return (REGISTRY_ROLES as readonly string[]).includes(value);
}

export function roleSatisfies(held: RegistryRole, needed: AccessLevel): boolean {
  return RANK[held] >= RANK[needed];
}
