import type { ServiceDefinition } from '../../engine/context.js'
import { authStores } from './stores.js'

/** The server Users API (`/v1/users*`, API key only) and the auth stores every auth flow shares. */
export const usersService: ServiceDefinition = {
  name: 'users',
  stores: authStores,
  routes: {},
}
