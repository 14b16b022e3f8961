import { startEmulator } from 'offwrite'
import { expect, test } from 'vitest'

test('startEmulator refuses to run outside a browser', () => {
  expect(() => startEmulator({ projectId: 'demo' })).toThrow(/^\[offwrite\] startEmulator\(\) runs in a browser page/)
})
