import { argon2Verify, argon2id, bcryptVerify, md5, scrypt, sha1, sha224, sha256, sha384, sha512 } from 'hash-wasm'

/** Appwrite's own argon2 options (`hashOptions` of new users). */
export const ARGON2_OPTIONS = { type: 'argon2', memoryCost: 2048, timeCost: 4, threads: 3 } as const

export interface PasswordHash {
  hash: string
  algorithm: string
  options: Record<string, unknown>
}

/** Hashes a new password with argon2id, Appwrite's default algorithm. */
export const hashPassword = async (password: string): Promise<PasswordHash> => {
  const salt = new Uint8Array(16)
  crypto.getRandomValues(salt)
  const hash = await argon2id({
    password,
    salt,
    parallelism: ARGON2_OPTIONS.threads,
    iterations: ARGON2_OPTIONS.timeCost,
    memorySize: ARGON2_OPTIONS.memoryCost,
    hashLength: 32,
    outputType: 'encoded',
  })
  return { hash, algorithm: 'argon2', options: { ...ARGON2_OPTIONS } }
}

const SHA: Record<string, (data: string) => Promise<string>> = { sha1, sha224, sha256, sha384, sha512 }

/** Checks a password against a stored hash of any algorithm the Users API can import. */
export const verifyPassword = async (password: string, stored: PasswordHash): Promise<boolean> => {
  const { hash, algorithm, options } = stored
  switch (algorithm) {
    case 'argon2':
      return argon2Verify({ password, hash })
    case 'bcrypt':
      return bcryptVerify({ password, hash })
    case 'md5':
      return (await md5(password)) === hash
    case 'sha': {
      const fn = SHA[String(options.version ?? 'sha256')] ?? sha256
      return (await fn(password)) === hash
    }
    case 'scrypt': {
      const derived = await scrypt({
        password,
        salt: String(options.salt ?? ''),
        costFactor: Number(options.costCpu ?? 8),
        blockSize: Number(options.costMemory ?? 14),
        parallelism: Number(options.costParallel ?? 1),
        hashLength: Number(options.length ?? 64),
        outputType: 'hex',
      })
      return derived === hash || btoa(String.fromCharCode(...hexBytes(derived))) === hash
    }
    case 'plaintext':
      return password === hash
    default:
      return false
  }
}

const hexBytes = (hex: string) => hex.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []
