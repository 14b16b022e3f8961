import { createStore } from 'idb-keyval'
import { expect, test } from 'vitest'
import { EndpointRegistry, normalizeEndpoint } from '../../worker/endpoint-registry.js'

const store = () => createStore(`endpoint-registry-test-${Math.random()}`, 'state')

test('normalizes endpoints', () => {
  expect(normalizeEndpoint('https://Cloud.Appwrite.io/v1/')).toBe('https://cloud.appwrite.io/v1')
})

test('matches the endpoint and what is below it, nothing else', async () => {
  const registry = new EndpointRegistry(store())
  await registry.add('https://cloud.appwrite.io/v1')
  expect(registry.match('https://cloud.appwrite.io/v1/account')).toBe(true)
  expect(registry.match('https://cloud.appwrite.io/v1?x=1')).toBe(true)
  expect(registry.match('https://cloud.appwrite.io/v1x/account')).toBe(false)
  expect(registry.match('https://other.example/v1/account')).toBe(false)
})

test('is unsure until IndexedDB answered, then recovers what an earlier worker saved', async () => {
  const shared = store()
  const before = new EndpointRegistry(shared)
  await Promise.all([before.add('https://a.example/v1'), before.add('https://b.example/v1')])
  const restarted = new EndpointRegistry(shared)
  expect(restarted.match('https://a.example/v1/account')).toBeUndefined()
  expect(await restarted.matchLater('https://a.example/v1/account')).toBe(true)
  expect(restarted.match('https://b.example/v1/account')).toBe(true)
  await restarted.remove('https://a.example/v1')
  expect(await new EndpointRegistry(shared).matchLater('https://a.example/v1/account')).toBe(false)
})
