import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { type ViteDevServer, createServer } from 'vite'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, newPage } from '../support/browser.js'

let vite: ViteDevServer
let browser: Browser
let origin: string

beforeAll(async () => {
  const root = fileURLToPath(new URL('../../demo/', import.meta.url))
  vite = await createServer({ root, configFile: `${root}vite.config.ts`, server: { port: 0, hmr: false }, logLevel: 'silent' })
  await vite.listen()
  origin = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? ''
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await vite?.close()
})

test('npm run demo: a new user signs up, edits the profile, is still signed in after a reload, and logs out', async () => {
  const { context, page } = await newPage(browser, origin)
  await page.goto('/')
  await page.waitForSelector('#signed-out:not([hidden])', { timeout: 30_000 })
  await page.fill('#signup [name=name]', 'Dana')
  await page.fill('#signup [name=email]', 'dana@example.com')
  await page.fill('#signup [name=password]', 'dana password')
  await page.click('#signup button')
  await page.waitForSelector('#signed-in:not([hidden])')
  expect(await page.textContent('#who')).toBe('Dana')

  await page.fill('#profile-form [name=name]', 'Dana Scully')
  await page.click('#profile-form button')
  await expect.poll(() => page.textContent('#who')).toBe('Dana Scully')

  await page.reload()
  await page.waitForSelector('#signed-in:not([hidden])', { timeout: 30_000 })
  expect(await page.textContent('#who')).toBe('Dana Scully')
  expect(await page.textContent('#sessions')).toContain('(this one)')

  await page.click('#logout')
  await page.waitForSelector('#signed-out:not([hidden])')
  await page.fill('#login [name=email]', 'dana@example.com')
  await page.fill('#login [name=password]', 'wrong password')
  await page.click('#login button')
  await expect.poll(() => page.textContent('#error')).toContain('user_invalid_credentials')
  await context.close()
})
