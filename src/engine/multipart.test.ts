import { expect, it } from 'vitest'
import { boundaryOf, bytesOf, parseMultipart } from './multipart.js'

/** A body as the platform writes FormData, and its Content-Type. */
const encode = async (form: FormData) => {
  const response = new Response(form)
  return { type: response.headers.get('content-type') ?? '', bytes: new Uint8Array(await response.arrayBuffer()) }
}

const entries = async (list: Iterable<[string, FormDataEntryValue]>) =>
  Promise.all([...list].map(async ([name, value]) => [name, typeof value === 'string' ? value : [value.name, value.type, await value.text()]]))

it('reads what the platform writes as its own parser does, keeping each file part’s bytes', async () => {
  const form = new FormData()
  form.append('fileId', 'unique()')
  form.append('permissions[]', 'read("any")')
  form.append('file', new File(['a\r\n--not the boundary\r\nb'], 'notes é.txt', { type: 'text/plain' }))
  form.append('file2', new File([new Uint8Array([0, 13, 10, 45, 45, 255])], 'raw.bin'))
  form.append('name', 'żółw\r\nline')
  const { type, bytes } = await encode(form)
  const boundary = boundaryOf(type)
  expect(boundary).toBeTruthy()
  const fields = parseMultipart(bytes, boundary as string)
  expect(fields).not.toBeNull()
  const platform = await new Response(bytes, { headers: { 'content-type': type } }).formData()
  expect(await entries(fields ?? [])).toEqual(await entries(platform))
  const raw = fields?.find(([name]) => name === 'file2')?.[1] as File
  expect([...(bytesOf(raw) ?? [])]).toEqual([0, 13, 10, 45, 45, 255])
  expect(bytesOf(new Blob(['x']))).toBeUndefined()
})

it('gives null for shapes it does not read (the platform parser then reads them)', () => {
  const body = (text: string) => new TextEncoder().encode(text)
  expect(parseMultipart(body('--b\r\nContent-Disposition: form-data; name="a"; filename*=UTF-8\'\'x\r\n\r\nv\r\n--b--'), 'b')).toBeNull()
  expect(parseMultipart(body('--b\r\nX-Other: 1\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--b--'), 'b')).toBeNull()
  expect(parseMultipart(body('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end'), 'b')).toBeNull()
  expect(parseMultipart(body('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--b--'), 'b')).toEqual([['a', 'v']])
})
