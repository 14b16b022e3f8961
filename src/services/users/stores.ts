/**
 * The auth stores (Appwrite's `users`, `sessions`, `tokens`, `identities`, `targets` collections).
 * Unique indexes give `user_already_exists` on a duplicate email or phone for free.
 */
export const authStores = {
  users: '$id, &email, &phone, *labels, name, $createdAt',
  sessions: '$id, userId, &secretHash',
  tokens: '$id, userId, &secretHash',
  identities: '$id, userId, [provider+providerUid], providerEmail',
  targets: '$id, userId, &identifier',
}
