// The floor any worker design pays: a service worker that answers every `/v1/*` request with a fixed JSON
// body, without looking at it. Suites register it for the `/bare/` scope and time the SDK against it.
const sw = self as unknown as ServiceWorkerGlobalScope

const user = JSON.stringify({
  $id: 'bare', $createdAt: '2026-01-01T00:00:00.000+00:00', $updatedAt: '2026-01-01T00:00:00.000+00:00', name: 'Bare',
  registration: '2026-01-01T00:00:00.000+00:00', status: true, labels: [], passwordUpdate: '', email: 'bare@example.com',
  phone: '', emailVerification: false, phoneVerification: false, mfa: false, prefs: {}, targets: [], accessedAt: '',
})

sw.addEventListener('install', () => void sw.skipWaiting())
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()))
sw.addEventListener('fetch', (event) => {
  if (!new URL(event.request.url).pathname.startsWith('/v1/')) return
  event.respondWith(new Response(user, { headers: { 'Content-Type': 'application/json' } }))
})
