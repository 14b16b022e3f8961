import { describe, expect, test } from 'vitest'
import { useHarness } from '../support/harness.js'
import { installStorageHelpers, near } from './storage-helpers.js'

const harness = useHarness()

const RED = [255, 0, 0, 255]
const BLUE = [0, 0, 255, 255]
const GREEN = [0, 255, 0, 255]
const YELLOW = [255, 255, 0, 255]

/** A page with a bucket holding a 400×300 quadrant JPEG (`photo`), a transparent PNG (`clear`) and a text file. */
const previewPage = async () => {
  const emu = await harness.page()
  await emu.start()
  await installStorageHelpers(emu)
  await emu.run(async ({ appwrite, client }) => {
    await window.__storage.server('POST', '/storage/buckets', { bucketId: 'img', name: 'Images', permissions: ['create("any")', 'read("any")'] })
    const storage = new appwrite.Storage(client)
    const jpeg = await window.__storage.quadrants(400, 300, 'image/jpeg')
    await storage.createFile({ bucketId: 'img', fileId: 'photo', file: new File([jpeg], 'photo.jpg') })
    const clear = new OffscreenCanvas(20, 20)
    clear.getContext('2d')
    await storage.createFile({ bucketId: 'img', fileId: 'clear', file: new File([await clear.convertToBlob()], 'clear.png') })
    await storage.createFile({ bucketId: 'img', fileId: 'notes', file: new File(['just words'], 'notes.txt') })
  })
  return emu
}

type Preview = { width: number; height: number; pixels: number[][]; type: string | null }

/** Loads a preview as `<img>` (size, pixels) and as `fetch` (Content-Type). */
const preview = (emu: Awaited<ReturnType<typeof previewPage>>, fileId: string, options: Record<string, unknown>, points: Array<[number, number]>) =>
  emu.run(
    async ({ appwrite, client }, { fileId, options, points }) => {
      const url = new appwrite.Storage(client).getFilePreview({ bucketId: 'img', fileId, ...options })
      const decoded = await window.__storage.image(url, points)
      const type = (await fetch(url)).headers.get('content-type')
      return { ...decoded, type }
    },
    { fileId, options, points },
  ) as Promise<Preview>

describe('previews made in the worker with OffscreenCanvas', () => {
  test('resizes and crops as Appwrite does: one side follows the ratio, center and edge gravities', async () => {
    const emu = await previewPage()
    const half = await preview(emu, 'photo', { width: 200 }, [[10, 10], [190, 140]])
    expect([half.width, half.height, half.type]).toEqual([200, 150, 'image/jpeg'])
    expect(near(half.pixels[0], RED) && near(half.pixels[1], YELLOW)).toBe(true)

    const square = await preview(emu, 'photo', { width: 100, height: 100 }, [[25, 25], [75, 25], [25, 75], [75, 75]])
    expect([square.width, square.height]).toEqual([100, 100])
    expect(square.pixels.map((p, i) => near(p, [RED, BLUE, GREEN, YELLOW][i]))).toEqual([true, true, true, true])

    // Left gravity keeps the left 300 px of 400: the colour boundary moves to two thirds.
    const left = await preview(emu, 'photo', { width: 90, height: 90, gravity: 'left' }, [[55, 20], [65, 20]])
    expect([near(left.pixels[0], RED), near(left.pixels[1], BLUE)]).toEqual([true, true])
    const right = await preview(emu, 'photo', { width: 90, height: 90, gravity: 'right' }, [[20, 20], [30, 20]])
    expect([near(right.pixels[0], RED), near(right.pixels[1], BLUE)]).toEqual([true, true])
  })

  test('output formats, quality, border, radius, rotation, opacity and background', async () => {
    const emu = await previewPage()
    const webp = await preview(emu, 'photo', { width: 40, output: 'webp', quality: 50 }, [])
    expect(webp.type).toBe('image/webp')
    const png = await preview(emu, 'photo', { width: 40, output: 'png' }, [])
    expect([png.type, png.width, png.height]).toEqual(['image/png', 40, 30])

    const bordered = await preview(emu, 'photo', { width: 40, borderWidth: 5, borderColor: '00ff00', output: 'png' }, [[1, 1], [10, 10]])
    expect([bordered.width, bordered.height]).toEqual([50, 40])
    expect([near(bordered.pixels[0], GREEN), near(bordered.pixels[1], RED)]).toEqual([true, true])

    const rounded = await preview(emu, 'photo', { width: 100, borderRadius: 30, output: 'png' }, [[0, 0], [50, 37]])
    expect([rounded.width, rounded.height]).toEqual([100, 75])
    expect(rounded.pixels[0][3]).toBe(0)
    expect(rounded.pixels[1][3]).toBe(255)

    const turned = await preview(emu, 'photo', { width: 200, rotation: 90, output: 'png' }, [[140, 10]])
    expect([turned.width, turned.height]).toEqual([150, 200])
    expect(near(turned.pixels[0], RED)).toBe(true)

    const faded = await preview(emu, 'photo', { width: 40, opacity: 0.5, output: 'png' }, [[5, 5]])
    expect(Math.abs(faded.pixels[0][3] - 128)).toBeLessThanOrEqual(2)

    const filled = await preview(emu, 'clear', { background: '0000ff', output: 'png' }, [[10, 10]])
    expect(near(filled.pixels[0], BLUE, 2)).toBe(true)
    const kept = await preview(emu, 'clear', { output: 'png' }, [[10, 10]])
    expect(kept.pixels[0][3]).toBe(0)
  })

  test('a file that is not an image previews as the generic icon; disabled transformations are refused', async () => {
    const emu = await previewPage()
    const icon = await preview(emu, 'notes', {}, [[5, 5]])
    expect([icon.width, icon.height, icon.type]).toEqual([1200, 800, 'image/png'])
    expect(near(icon.pixels[0], [0xec, 0xef, 0xf1, 255], 2)).toBe(true)
    const small = await preview(emu, 'notes', { width: 120 }, [])
    expect([small.width, small.height]).toEqual([120, 80])

    const refused = await emu.run(async ({ appwrite, client }) => {
      await window.__storage.server('PUT', '/storage/buckets/img', { name: 'Images', permissions: ['read("any")'], transformations: false })
      const response = await fetch(new appwrite.Storage(client).getFilePreview({ bucketId: 'img', fileId: 'photo', width: 10 }))
      return [response.status, (await response.json()).type]
    })
    expect(refused).toEqual([403, 'storage_bucket_transformations_disabled'])
  })
})
