/**
 * The namespace files of each messages/<locale>/, by name without `.json` (namespaces.test.ts keeps
 * this list true); load.ts names each namespace after its file (namespaceOf).
 */
export const NAMESPACE_FILES = [
  'admin',
  'charge',
  'common',
  'connection',
  'display',
  'forbidden',
  'handover',
  'login',
  'manager',
  'nav',
  'new-charge',
  'not-found',
  'pay-way',
  'receipt',
  'roles',
  'status',
  'tablets',
  'today',
] as const
