import type { ServiceDefinition } from '../engine/context.js'
import { compatService } from '../compat/index.js'
import { accountService } from './account/index.js'
import { authFlowsService } from './auth-flows/index.js'
import { databasesService } from './databases/index.js'
import { pingService } from './ping/index.js'
import { storageService } from './storage/index.js'
import { teamsService } from './teams/index.js'
import { outboxService } from '../outbox/index.js'
import { usersService } from './users/index.js'

/** Every service offwrite serves. Each lives in its own folder and owns its stores and routes. */
export const allServices: ServiceDefinition[] = [
  usersService,
  accountService,
  pingService,
  teamsService,
  outboxService,
  authFlowsService,
  storageService,
  databasesService,
  compatService,
]
