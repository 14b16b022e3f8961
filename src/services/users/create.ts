import { hashPassword } from '../../auth/passwords.js'
import { type RequestContext, reply } from '../../engine/context.js'
import { invalidParam } from '../../errors/index.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkEmail, checkPassword, checkPhone, checkText, resolveId } from '../common/validators.js'
import { insertUser, newUser, userView } from './records.js'

type ImportedHash = { hash: string; algorithm: string; options: Record<string, unknown> }

const SHA_VERSIONS = ['sha1', 'sha224', 'sha256', 'sha384', 'sha512/224', 'sha512/256', 'sha512', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512']

/** Reads the hash a `POST /users/<algorithm>` import carries, with the options Appwrite stores beside it. */
const importedHash: Record<string, (ctx: RequestContext) => ImportedHash> = {
  usersCreateArgon2User: (ctx) => ({ hash: String(ctx.params.password), algorithm: 'argon2', options: { type: 'argon2' } }),
  // PHP writes `$2y$`, which hash-wasm reads as the equivalent `$2b$`.
  usersCreateBcryptUser: (ctx) => ({ hash: String(ctx.params.password).replace(/^\$2y\$/, '$2b$'), algorithm: 'bcrypt', options: { type: 'bcrypt' } }),
  usersCreateMD5User: (ctx) => ({ hash: String(ctx.params.password), algorithm: 'md5', options: { type: 'md5' } }),
  usersCreatePHPassUser: (ctx) => ({ hash: String(ctx.params.password), algorithm: 'phpass', options: { type: 'phpass' } }),
  usersCreateSHAUser: (ctx) => {
    const version = String(ctx.params.passwordVersion ?? 'sha256')
    if (!SHA_VERSIONS.includes(version)) throw invalidParam('passwordVersion', `Value must be one of (${SHA_VERSIONS.join(', ')})`)
    return { hash: String(ctx.params.password), algorithm: 'sha', options: { type: 'sha', version } }
  },
  usersCreateScryptUser: (ctx) => ({
    hash: String(ctx.params.password),
    algorithm: 'scrypt',
    options: {
      type: 'scrypt',
      salt: ctx.params.passwordSalt,
      costCpu: ctx.params.passwordCpu,
      costMemory: ctx.params.passwordMemory,
      costParallel: ctx.params.passwordParallel,
      length: ctx.params.passwordLength,
    },
  }),
  usersCreateScryptModifiedUser: (ctx) => ({
    hash: String(ctx.params.password),
    algorithm: 'scryptMod',
    options: {
      type: 'scryptMod',
      salt: ctx.params.passwordSalt,
      saltSeparator: ctx.params.passwordSaltSeparator,
      signerKey: ctx.params.passwordSignerKey,
    },
  }),
}

/** `POST /users` (plain password, optional) and the pre-hashed imports (`/users/argon2`, `/users/bcrypt`, …). */
export const createUser = async (ctx: RequestContext) => {
  const id = resolveId(checkCustomId('userId', ctx.params.userId), ctx.newId)
  const email = ctx.params.email == null ? undefined : checkEmail('email', ctx.params.email).toLowerCase()
  const phone = ctx.params.phone == null ? undefined : checkPhone('phone', ctx.params.phone)
  const name = checkText('name', ctx.params.name ?? '', 128)
  const importer = importedHash[ctx.route.operationId]
  let hashed: ImportedHash | null = null
  if (importer) hashed = importer(ctx)
  else if (ctx.params.password != null) hashed = await hashPassword(checkPassword('password', ctx.params.password))
  const user = newUser(ctx, id, {
    name,
    email,
    phone,
    ...(hashed && {
      password: hashed.hash,
      hash: hashed.algorithm,
      hashOptions: hashed.options,
      passwordUpdate: formatDate(ctx.now),
    }),
  })
  await ctx.store.write(async (w) => {
    await insertUser(w, ctx, user)
    w.emit(ctx.event([`users.${id}.create`], 'user', await userView(ctx, user), [`user:${id}`]))
  })
  return reply({ status: 201, body: await userView(ctx, user) })
}

export const userImportRoutes = Object.fromEntries(Object.keys(importedHash).map((id) => [id, createUser]))
