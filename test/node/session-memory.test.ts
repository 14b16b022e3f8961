import { createStore } from 'idb-keyval'
import { describe, expect, test } from 'vitest'
import { credentialOf, fallbackSession } from '../../worker/credential.js'
import { SessionMemory } from '../../worker/session-memory.js'

let databases = 0
const freshStore = () => createStore(`session-memory-test-${++databases}`, 'state')

const sdkRequest = (headers: Record<string, string>) =>
  new Request('https://cloud.appwrite.io/v1/account', {
    headers: { 'x-sdk-name': 'Web', 'x-appwrite-project': 'p1', ...headers },
  })
const imageLoad = (query = '?project=p1') => new Request(`https://cloud.appwrite.io/v1/storage/buckets/b/files/f/view${query}`)

describe('credentials', () => {
  test('X-Fallback-Cookies: the project’s cookie, none, or unreadable', () => {
    expect(fallbackSession('{"a_session_p1":"tok"}', 'p1')).toBe('tok')
    expect(fallbackSession('{"a_session_p2":"tok"}', 'p1')).toBeNull()
    expect(fallbackSession('[]', 'p1')).toBeNull()
    expect(fallbackSession('not json', 'p1')).toBeUndefined()
  })

  test('X-Appwrite-Session wins over the fallback cookie; a JWT counts; nothing means a guest', () => {
    const both = sdkRequest({ 'x-appwrite-session': 'explicit', 'x-fallback-cookies': '{"a_session_p1":"cookie"}' })
    expect(credentialOf(both, 'p1')).toEqual({ header: 'X-Appwrite-Session', value: 'explicit' })
    expect(credentialOf(sdkRequest({ 'x-appwrite-jwt': 'j' }), 'p1')).toEqual({ header: 'X-Appwrite-JWT', value: 'j' })
    expect(credentialOf(sdkRequest({}), 'p1')).toBeNull()
  })
})

describe('SessionMemory', () => {
  test('lends a header-less request the session its page last sent', async () => {
    const memory = new SessionMemory(freshStore())
    await memory.prepare(sdkRequest({ 'x-fallback-cookies': '{"a_session_p1":"tok"}' }), 'page-a')
    const lent = await memory.prepare(imageLoad(), 'page-a')
    expect(lent.headers.get('x-appwrite-session')).toBe('tok')
  })

  test('a page without memory, or no page at all, gets the project’s latest session', async () => {
    const memory = new SessionMemory(freshStore())
    await memory.prepare(sdkRequest({ 'x-fallback-cookies': '{"a_session_p1":"tok"}' }), 'page-a')
    expect((await memory.prepare(imageLoad(), 'page-b')).headers.get('x-appwrite-session')).toBe('tok')
    expect((await memory.prepare(imageLoad(), '')).headers.get('x-appwrite-session')).toBe('tok')
    expect((await memory.prepare(imageLoad('?project=p2'), '')).headers.has('x-appwrite-session')).toBe(false)
  })

  test('without ?project= the page’s last project is used', async () => {
    const memory = new SessionMemory(freshStore())
    await memory.prepare(sdkRequest({ 'x-fallback-cookies': '{"a_session_p1":"tok"}' }), 'page-a')
    expect((await memory.prepare(imageLoad(''), 'page-a')).headers.get('x-appwrite-session')).toBe('tok')
  })

  test('a logout response clears it; a session response sets it', async () => {
    const memory = new SessionMemory(freshStore())
    const request = sdkRequest({})
    await memory.observe(request, 'page-a', new Response(null, { headers: { 'X-Fallback-Cookies': '{"a_session_p1":"new"}' } }))
    expect(await memory.recall('page-a', 'p1')).toEqual({ header: 'X-Appwrite-Session', value: 'new' })
    await memory.observe(request, 'page-a', new Response(null, { headers: { 'X-Fallback-Cookies': '[]' } }))
    expect(await memory.recall('page-a', 'p1')).toBeNull()
    expect(await memory.recall('', 'p1')).toBeNull()
  })

  test('requests that say who they are are left alone', async () => {
    const memory = new SessionMemory(freshStore())
    await memory.prepare(sdkRequest({ 'x-fallback-cookies': '{"a_session_p1":"tok"}' }), 'page-a')
    const keyed = new Request('https://cloud.appwrite.io/v1/users?project=p1', { headers: { 'x-appwrite-key': 'k' } })
    expect(await memory.prepare(keyed, 'page-a')).toBe(keyed)
  })

  test('survives a restart: a new instance reads IndexedDB', async () => {
    const store = freshStore()
    const first = new SessionMemory(store)
    await first.prepare(sdkRequest({ 'x-fallback-cookies': '{"a_session_p1":"tok"}' }), 'page-a')
    await first.saved()
    expect(await new SessionMemory(store).recall('page-a', 'p1')).toEqual({ header: 'X-Appwrite-Session', value: 'tok' })
  })
})
