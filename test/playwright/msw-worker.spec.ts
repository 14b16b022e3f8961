import { expect, test } from '@playwright/test'

// offwrite/msw in a page: for apps that already run msw's setupWorker. No offwrite worker here.
test('offwrite handlers answer the SDK under msw setupWorker, realtime included', async ({ page }) => {
  await page.goto('/msw.html')
  await expect(page).toHaveTitle('ready')
  const session = await page.evaluate(() => (window as any).signIn())
  expect(session.userId).toBe('ann')
  expect((await page.evaluate(() => (window as any).me())).name).toBe('Ann')
  const event = await page.evaluate(() => (window as any).renameAndListen('Ann M'))
  expect(event.events).toContain('users.ann.update.name')
  expect(event.payload.name).toBe('Ann M')
})
