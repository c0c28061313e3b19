// datamap web UI: shared helpers (escaping, the API client, paging, downloads).
// Plain ES module, no build step; every value from the API goes through esc().

export const view = document.getElementById('view');
export const PAGE = 50;

export function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

// One prompt at a time: requests answered 401 together wait for the same answer.
let asking = null;
function askToken() {
  if (!asking) {
    asking = new Promise(resolve => setTimeout(() => {
      const t = prompt('This datamap needs an API token:');
      if (t) localStorage.setItem('datamap-token', t);
      asking = null;
      resolve(!!t);
    }, 0));
  }
  return asking;
}

// fetch with the stored bearer token; asks for a token on 401 and retries.
export async function apiFetch(path, opts) {
  opts = opts || {};
  for (;;) {
    const headers = Object.assign({}, opts.headers || {});
    const token = localStorage.getItem('datamap-token');
    if (token) headers.Authorization = 'Bearer ' + token;
    const r = await fetch(path, Object.assign({}, opts, {headers}));
    if (r.status !== 401 || !(await askToken())) return r;
  }
}

async function failure(r) {
  let msg = r.status + ' ' + r.statusText;
  try {
    const body = await r.json();
    if (body && body.error) msg = body.error.message;
  } catch (e) { /* not JSON */ }
  const err = new Error(msg);
  err.status = r.status;
  return err;
}

// GET/POST returning the parsed JSON body; throws Error(message) on an error answer.
export async function api(path, opts) {
  const r = await apiFetch(path, opts);
  if (!r.ok) throw await failure(r);
  return r.json();
}

export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) p.set(k, v);
  return p.toString();
}

// Render generation: a page writes into the view only while it is still the
// page the user asked for (a slow answer must not replace a newer page).
let generation = 0;
export function begin() { return ++generation; }
export function current(g) { return g === generation; }

// "12 finding(s)  Previous  Next" for server-side paging; base is the hash
// path ("#/findings"), params the page's filters (offset replaced).
export function pager(total, offset, limit, hasNext, base, params, noun) {
  const link = off => `${base}?${qs(Object.assign({}, params, {offset: off || ''}))}`;
  const from = total ? offset + 1 : 0, to = Math.min(total, offset + limit);
  return `<div class="pager" data-total="${Number(total)}"><span class="muted">${from}–${to} of ${Number(total)} ${esc(noun)}</span>
    ${offset > 0 ? `<a data-page="prev" href="${esc(link(Math.max(0, offset - limit)))}">Previous</a>` : ''}
    ${hasNext ? `<a data-page="next" href="${esc(link(offset + limit))}">Next</a>` : ''}</div>`;
}

export function offsetOf(params) {
  const n = parseInt(params.offset || '0', 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export function errorBox(e) {
  return `<p class="error" role="alert">${esc(e.message)}</p>`;
}

// Fetch path with the token and save the body as a file through a Blob URL.
export async function download(path, filename) {
  const r = await apiFetch(path);
  if (!r.ok) throw await failure(r);
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
