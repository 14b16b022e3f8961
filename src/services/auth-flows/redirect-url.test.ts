import { describe, expect, it } from 'vitest'
import { checkRedirectUrl } from './redirect-url.js'

describe('redirect URLs', () => {
  it('accepts web URLs on any host and app schemes, refuses relative and script URLs', () => {
    expect(checkRedirectUrl('url', 'http://localhost:5173/after?x=1')).toBe('http://localhost:5173/after?x=1')
    expect(checkRedirectUrl('success', 'appwrite-callback-demo://')).toBe('appwrite-callback-demo://')
    for (const bad of ['/relative', 'javascript:alert(1)', 'data:text/html,hi', 'https://', 42]) {
      expect(() => checkRedirectUrl('url', bad)).toThrow('Invalid `url` param: Invalid URI.')
    }
  })
})
