// datamap web UI: inventory, asset pages and jobs over the JSON API (/api/v1).
'use strict';

const view = document.getElementById('view');
const PAGE = 50;

function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

async function api(path, opts) {
  opts = opts || {};
  const headers = Object.assign({}, opts.headers || {});
  const token = localStorage.getItem('datamap-token');
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch(path, Object.assign({}, opts, {headers}));
  if (r.status === 401) {
    const t = prompt('This datamap needs an API token:');
    if (t) { localStorage.setItem('datamap-token', t); return api(path, opts); }
  }
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) p.set(k, v);
  return p.toString();
}

async function inventory(params) {
  const f = Object.assign({q: '', state: '', entity: '', tag: '', offset: 0}, params);
  view.innerHTML = `<h1>Inventory</h1>
    <form class="filters" id="filters">
      <input name="q" placeholder="Search names" value="${esc(f.q)}">
      <select name="state"><option value="">any state</option>
        ${['discovered', 'cataloged', 'classified'].map(s => `<option ${s === f.state ? 'selected' : ''}>${s}</option>`).join('')}
      </select>
      <input name="entity" placeholder="Entity (EMAIL)" value="${esc(f.entity)}">
      <input name="tag" placeholder="Tag key or key=value" value="${esc(f.tag)}">
      <button>Filter</button>
    </form><div id="list" class="muted">Loading…</div>`;
  document.getElementById('filters').onsubmit = ev => {
    ev.preventDefault();
    const d = Object.fromEntries(new FormData(ev.target));
    location.hash = '#/?' + qs(d);
  };
  try {
    const res = await api('/api/v1/assets?' + qs({q: f.q, state: f.state, entity: f.entity, tag: f.tag, limit: PAGE, offset: f.offset}));
    const rows = res.items.map(a => `<tr>
        <td><a href="#/asset/${a.id}">${esc(a.name)}</a></td><td>${esc(a.source)}</td><td>${esc(a.kind)}</td>
        <td><span class="badge">${esc(a.state)}</span></td><td class="muted">${esc(a.classified_at || '')}</td></tr>`).join('');
    const off = Number(f.offset);
    document.getElementById('list').outerHTML = `<table><thead><tr><th>Asset</th><th>Source</th><th>Kind</th><th>State</th><th>Classified</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="5" class="muted">No assets match.</td></tr>'}</tbody></table>
      <div class="pager"><span class="muted">${res.total} asset(s)</span>
      ${off > 0 ? `<a href="#/?${qs(Object.assign({}, f, {offset: Math.max(0, off - PAGE)}))}">Previous</a>` : ''}
      ${res.next ? `<a href="#/?${qs(Object.assign({}, f, {offset: off + PAGE}))}">Next</a>` : ''}</div>`;
  } catch (e) {
    document.getElementById('list').innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

async function asset(id) {
  try {
    const a = await api('/api/v1/assets/' + encodeURIComponent(id));
    const tags = Object.entries(a.tags || {}).map(([k, v]) => `<span class="badge">${esc(k)}: ${esc(v)}</span>`).join('') || '<span class="muted">none</span>';
    const tables = (a.tables || []).map(t => {
      const cols = t.columns.map(c => {
        const pii = c.entities.length > 0;
        const ents = c.entities.map(e => `<span class="badge pii">${esc(e.type)}</span> <span class="muted">${Math.round(e.ratio * 100)}% ${esc(e.confidence)}</span>`).join('<br>');
        const ev = c.entities.flatMap(e => e.examples || []).slice(0, 3).map(x => `<code>${esc(x)}</code>`).join(' ');
        return `<tr class="${pii ? 'pii' : ''}" data-column="${esc(c.name)}" data-personal="${pii}"><td>${esc(c.name)}</td><td>${esc(c.type)}</td><td>${ents}</td><td>${ev}</td></tr>`;
      }).join('');
      return `<h2>${esc(t.name)} <span class="muted">${esc(t.format || '')}, ${t.rows_sampled == null ? 'not classified' : t.rows_sampled + ' rows sampled'}</span></h2>
        <table class="columns"><thead><tr><th>Column</th><th>Type</th><th>Personal data</th><th>Evidence (masked)</th></tr></thead><tbody>${cols}</tbody></table>`;
    }).join('');
    view.innerHTML = `<p><a href="#/">← Inventory</a></p><h1 id="asset-name">${esc(a.name)}</h1>
      <p><span class="badge">${esc(a.state)}</span> ${esc(a.kind)} in <b>${esc(a.source)}</b> · <code>${esc(a.location)}</code></p>
      <p>Tags: ${tags}</p>${tables || '<p class="muted">Not crawled yet.</p>'}`;
  } catch (e) {
    view.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

async function jobs(params) {
  const state = (params && params.state) || '';
  try {
    const res = await api('/api/v1/jobs?' + qs({state, limit: 100}));
    const rows = res.items.map(j => `<tr><td>${j.id}</td><td>${esc(j.kind)}</td><td>${esc(j.target)}</td>
      <td><span class="badge ${j.state === 'dead' ? 'dead' : ''}">${esc(j.state)}</span></td><td>${j.attempts}/${j.max_attempts}</td>
      <td class="muted">${esc(j.last_error || '')}</td><td class="muted">${esc(j.updated_at)}</td>
      <td>${j.state === 'dead' ? `<button data-retry="${j.id}">Retry</button>` : ''}</td></tr>`).join('');
    view.innerHTML = `<h1>Jobs</h1><p>${['', 'queued', 'running', 'done', 'dead'].map(s => `<a href="#/jobs?state=${s}">${s || 'all'}</a>`).join(' · ')}</p>
      <table><thead><tr><th>#</th><th>Kind</th><th>Target</th><th>State</th><th>Attempts</th><th>Last error</th><th>Updated</th><th></th></tr></thead>
      <tbody>${rows || '<tr><td colspan="8" class="muted">No jobs.</td></tr>'}</tbody></table>`;
    view.querySelectorAll('[data-retry]').forEach(b => b.onclick = async () => {
      await api(`/api/v1/jobs/${b.dataset.retry}/retry`, {method: 'POST'});
      jobs(params);
    });
  } catch (e) {
    view.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

function route() {
  const h = location.hash.slice(1) || '/';
  const [path, query] = h.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  if (path.startsWith('/asset/')) return asset(path.slice(7));
  if (path === '/jobs') return jobs(params);
  return inventory(params);
}

document.getElementById('run-now').onclick = async () => {
  await api('/api/v1/run', {method: 'POST'});
  location.hash = '#/jobs';
};
window.addEventListener('hashchange', route);
route();
