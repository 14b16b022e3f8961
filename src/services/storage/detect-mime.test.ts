import { describe, expect, it } from 'vitest'
import { detectMimeType } from './detect-mime.js'

const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])

describe('detectMimeType', () => {
  it('trusts the bytes over the name', async () => {
    expect(await detectMimeType(new Blob([PNG_HEAD]), 'disguised.txt')).toBe('image/png')
  })

  it('names text by its extension, and plain text otherwise', async () => {
    expect(await detectMimeType(new Blob(['a,b\n1,2\n']), 'table.csv')).toBe('text/csv')
    expect(await detectMimeType(new Blob(['{"a":1}']), 'data.json')).toBe('application/json')
    expect(await detectMimeType(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>']), 'logo.svg')).toBe('image/svg+xml')
    expect(await detectMimeType(new Blob(['hello']), 'hello.bin')).toBe('text/plain')
    expect(await detectMimeType(new Blob(['héllo wörld']), 'notes')).toBe('text/plain')
  })

  it('answers octet-stream for unknown binaries and x-empty for nothing', async () => {
    expect(await detectMimeType(new Blob([new Uint8Array([1, 2, 0, 4, 255])]), 'blob')).toBe('application/octet-stream')
    expect(await detectMimeType(new Blob([]), 'empty.png')).toBe('application/x-empty')
  })
})
