import { baseHeaders } from '../../../engine/respond.js'
import { reply } from '../../../engine/context.js'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c])

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f4f4f7;color:#19191c}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:32px;max-width:420px;width:100%}
h1{font-size:20px;margin:0 0 4px}p{color:#56565c;margin:0 0 20px;font-size:14px}label{display:block;margin:12px 0 4px;font-size:14px}
input[type=email],input[type=text]{width:100%;box-sizing:border-box;padding:8px 10px;border:1px solid #c8c8ce;border-radius:6px;font:inherit}
.check{display:flex;gap:8px;align-items:center}.row{display:flex;gap:8px;margin-top:20px}
button{font:inherit;padding:8px 16px;border-radius:6px;border:1px solid #c8c8ce;background:#fff;cursor:pointer}
button.primary{background:#fd366e;border-color:#fd366e;color:#fff}.known button{width:100%;margin-bottom:8px;text-align:left}`

/** A small self-contained HTML page (offwrite's own: no Appwrite model, no scripts unless given). */
export const htmlPage = (title: string, body: string, headers: Record<string, string> = {}) => {
  const all = baseHeaders()
  all.set('Content-Type', 'text/html; charset=UTF-8')
  all.set('Cache-Control', 'no-store, no-cache, must-revalidate, max-age=0')
  for (const [name, value] of Object.entries(headers)) all.set(name, value)
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`
  return reply({ response: new Response(html, { status: 200, headers: all }) })
}
