export { AppwriteError, invalidParam, missingParam, type ErrorType } from './appwrite-error.js'
