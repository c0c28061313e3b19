// datamap web UI: the router, inventory, asset pages and jobs over the JSON
// API (/api/v1). Findings and gaps live in pages.js, the report in report.js.
import {view, PAGE, esc, api, qs, begin, current, pager, offsetOf, errorBox} from './lib.js';
import {findings, gaps} from './pages.js';
import {report} from './report.js';
import {sources} from './sources.js';

// An asset whose last crawl or classify failed shows as failed with its
// error (the catalog state it stays in is in the tooltip), not as the
// "discovered" it would otherwise still read.
function stateCell(a) {
  if (!a.error) return `<span class="badge">${esc(a.state)}</span>`;
  return `<span class="badge dead" title="${esc(a.state + ' since; failed ' + (a.failed_at || ''))}">failed</span>
    <div class="asset-error muted">${esc(a.error)}</div>`;
}

// Personal-data columns (as the report counts them) and their categories.
function personalCell(a) {
  const n = Number(a.personal_columns || 0);
  if (!n) return '<span class="muted">none found</span>';
  const cats = (a.categories || []).map(c => `<span class="badge${c.special ? ' pii' : ''}" data-category="${esc(c.category)}" title="${esc((c.entities || []).join(', '))}">${esc(c.label)}</span>`).join('');
  return `<b class="personal-count">${n}</b> column${n === 1 ? '' : 's'} ${cats}`;
}

async function inventory(params) {
  const g = begin();
  const f = Object.assign({q: '', state: '', entity: '', tag: '', source: ''}, params);
  const offset = offsetOf(params);
  view.innerHTML = `<h1>Inventory</h1>
    <form class="filters" id="filters">
      <input name="q" type="search" placeholder="Search names" value="${esc(f.q)}">
      <select name="state"><option value="">any state</option>
        ${['discovered', 'cataloged', 'classified', 'failed'].map(s => `<option ${s === f.state ? 'selected' : ''}>${s}</option>`).join('')}
      </select>
      <input name="entity" placeholder="Entity (EMAIL)" value="${esc(f.entity)}">
      <input name="tag" placeholder="Tag key or key=value" value="${esc(f.tag)}">
      ${f.source ? `<input type="hidden" name="source" value="${esc(f.source)}">` : ''}
      <button>Filter</button>
    </form><div id="list" class="muted">Loading…</div>`;
  document.getElementById('filters').onsubmit = ev => {
    ev.preventDefault();
    location.hash = '#/?' + qs(Object.fromEntries(new FormData(ev.target)));
  };
  try {
    const res = await api('/api/v1/assets?' + qs({q: f.q, state: f.state, source: f.source, entity: f.entity, tag: f.tag, limit: PAGE, offset}));
    if (!current(g)) return;
    const rows = res.items.map(a => `<tr data-asset-id="${Number(a.id)}" data-state="${a.error ? 'failed' : esc(a.state)}" data-personal-columns="${Number(a.personal_columns || 0)}">
        <td><a href="#/asset/${Number(a.id)}">${esc(a.name)}</a></td><td>${esc(a.source)}</td><td>${esc(a.kind)}</td>
        <td>${stateCell(a)}${unreadCount(a) ? ` <span class="badge dead" data-unread="${unreadCount(a)}" title="${esc(unreadText(a))}">${unreadCount(a)} file(s) not read</span>` : ''}</td><td>${personalCell(a)}</td><td class="muted">${esc(a.classified_at || '')}</td></tr>`).join('');
    document.getElementById('list').outerHTML = `<table id="assets"><thead><tr><th>Asset</th><th>Source</th><th>Kind</th><th>State</th><th>Personal data</th><th>Classified</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="6" class="muted">No assets match.</td></tr>'}</tbody></table>
      ${pager(res.total, offset, PAGE, !!res.next, '#/', f, 'asset(s)')}`;
  } catch (e) {
    if (current(g)) document.getElementById('list').outerHTML = errorBox(e);
  }
}

// Files of the store its last crawl did not read (never skipped in silence):
// "12 .pdf not supported, 1 .parquet corrupt".
function unreadCount(a) {
  return (a.unread_files || []).reduce((s, u) => s + Number(u.files), 0);
}
function unreadText(a) {
  return (a.unread_files || []).map(u => `${Number(u.files)} ${u.kind} ${u.reason}`).join(', ');
}

// Each finding with its human decision and the buttons to record one
// (POST /api/v1/findings/review; the reason is asked inline, not by prompt).
function entityCells(c) {
  return c.entities.map(e => {
    const r = e.review;
    const who = r ? ` <span class="badge review" data-review-state="${esc(r.decision)}" title="${esc(r.by + ' on ' + r.at + ': ' + r.reason)}">${esc(r.decision)}</span>` : '';
    const btns = r ? `<button class="small" data-review="undo" data-entity-type="${esc(e.type)}">Undo</button>`
      : `<button class="small" data-review="dismiss" data-entity-type="${esc(e.type)}">Dismiss</button> <button class="small" data-review="confirm" data-entity-type="${esc(e.type)}">Confirm</button>`;
    return `<span class="badge pii" data-entity="${esc(e.type)}">${esc(e.type)}</span> <span class="muted">${Math.round(e.ratio * 100)}% ${esc(e.confidence)}</span>${who} ${btns}`;
  }).join('<br>');
}

function wireReviews(a, id) {
  view.querySelectorAll('button[data-review]').forEach(b => b.onclick = () => {
    const row = b.closest('tr[data-column]');
    const form = document.createElement('form');
    form.className = 'review';
    form.innerHTML = '<input name="reason" required placeholder="Why?"> <button>Save</button>';
    b.replaceWith(form);
    form.querySelector('input').focus();
    form.onsubmit = async ev => {
      ev.preventDefault();
      const body = {asset: a.source + '/' + a.name, table: row.dataset.table, column: row.dataset.column,
        entity: b.dataset.entityType, decision: b.dataset.review, reason: form.reason.value, by: 'web'};
      try {
        await api('/api/v1/findings/review', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
        asset(id);
      } catch (e) {
        form.insertAdjacentHTML('afterend', errorBox(e));
      }
    };
  });
}

// The asset's tags with their origin (/api/v1/tags); null items: that
// endpoint is not there, the detail's plain key: value map is shown instead.
// A value another origin overrides (the README's precedence rule: store, then
// sidecar, then config, then the source's --tag) is struck through and says
// which origin wins, so the page shows the value in force as the report does.
function tagTable(items, fallback) {
  if (items == null) items = Object.entries(fallback || {}).map(([key, value]) => ({key, value}));
  if (!items.length) return '<p class="muted" id="tags">No tags.</p>';
  return `<table id="tags" class="compact"><thead><tr><th>Key</th><th>Value</th><th>Origin</th><th>Updated</th></tr></thead><tbody>
    ${items.map(t => `<tr data-tag-key="${esc(t.key)}" data-origin="${esc(t.origin || '')}" data-in-force="${t.overridden_by ? 'false' : 'true'}"${t.overridden_by ? ' class="overridden"' : ''}>
      <td>${esc(t.key)}</td><td>${t.overridden_by ? `<s>${esc(t.value)}</s> <span class="muted">overridden by ${esc(t.overridden_by)}</span>` : esc(t.value)}</td>
      <td>${t.origin ? `<span class="badge">${esc(t.origin)}</span>` : '<span class="muted">?</span>'}</td>
      <td class="muted">${esc(t.updated_at || '')}</td></tr>`).join('')}</tbody></table>`;
}

async function asset(id) {
  const g = begin();
  try {
    const tagReq = api('/api/v1/tags?' + qs({asset: id, limit: 1000})).then(r => r.items, e => {
      if (e.status === 404) return null;
      throw e;
    });
    tagReq.catch(() => {});    /* awaited below; no unhandled rejection when the asset fails first */
    const a = await api('/api/v1/assets/' + encodeURIComponent(id));
    const tags = tagTable(await tagReq, a.tags);
    if (!current(g)) return;
    const tables = (a.tables || []).map(t => {
      const cols = t.columns.map(c => {
        const pii = c.entities.some(e => !e.review || e.review.decision !== 'dismissed');
        const ev = c.entities.flatMap(e => e.examples || []).slice(0, 3).map(x => `<code>${esc(x)}</code>`).join(' ');
        return `<tr class="${pii ? 'pii' : ''}" data-table="${esc(t.name)}" data-column="${esc(c.name)}" data-personal="${pii}"><td>${esc(c.name)}</td><td>${esc(c.type)}</td><td>${entityCells(c)}</td><td>${ev}</td></tr>`;
      }).join('');
      return `<h2>${esc(t.name)} <span class="muted">${esc(t.format || '')}, ${t.rows_sampled == null ? 'not classified' : Number(t.rows_sampled) + ' rows sampled'}</span></h2>
        <table class="columns"><thead><tr><th>Column</th><th>Type</th><th>Personal data</th><th>Evidence (masked)</th></tr></thead><tbody>${cols}</tbody></table>`;
    }).join('');
    view.innerHTML = `<p><a href="#/">← Inventory</a></p><h1 id="asset-name">${esc(a.name)}</h1>
      <p><span class="badge">${esc(a.state)}</span> ${esc(a.kind)} in <b>${esc(a.source)}</b> · <code>${esc(a.location)}</code>
      · <a href="#/findings?${esc(qs({asset: id}))}">findings</a></p>
      ${a.error ? `<div class="error" id="asset-error"><b>Failed</b> ${esc(a.failed_at || '')}: ${esc(a.error)}</div>` : ''}
      ${unreadCount(a) ? `<p class="error" id="unread-files"><b>${unreadCount(a)} file(s) not read</b>: ${esc(unreadText(a))}
        — ${(a.tables || []).length ? 'the record may be incomplete' : 'nothing readable: its personal data is unknown'}</p>` : ''}
      <h2>Tags</h2>${tags}${tables || '<p class="muted">Not crawled yet.</p>'}`;
    wireReviews(a, id);
  } catch (e) {
    if (current(g)) view.innerHTML = errorBox(e);
  }
}

async function jobs(params) {
  const g = begin();
  const state = params.state || '';
  const offset = offsetOf(params);
  try {
    const res = await api('/api/v1/jobs?' + qs({state, limit: 100, offset}));
    if (!current(g)) return;
    const rows = res.items.map(j => `<tr data-job="${Number(j.id)}"><td>${Number(j.id)}</td><td>${esc(j.kind)}</td><td>${esc(j.target)}</td>
      <td><span class="badge ${j.state === 'dead' ? 'dead' : ''}">${esc(j.state)}</span></td><td>${Number(j.attempts)}/${Number(j.max_attempts)}</td>
      <td class="muted">${esc(j.last_error || '')}</td><td class="muted">${esc(j.updated_at)}</td>
      <td>${j.state === 'dead' ? `<button data-retry="${Number(j.id)}">Retry</button>` : ''}</td></tr>`).join('');
    view.innerHTML = `<h1>Jobs</h1><p>${['', 'queued', 'running', 'done', 'dead'].map(s => `<a href="#/jobs?state=${s}">${s || 'all'}</a>`).join(' · ')}</p>
      <table id="jobs"><thead><tr><th>#</th><th>Kind</th><th>Target</th><th>State</th><th>Attempts</th><th>Last error</th><th>Updated</th><th></th></tr></thead>
      <tbody>${rows || '<tr><td colspan="8" class="muted">No jobs.</td></tr>'}</tbody></table>
      <div class="pager">${offset > 0 ? `<a data-page="prev" href="#/jobs?${esc(qs({state, offset: Math.max(0, offset - 100) || ''}))}">Previous</a>` : ''}
      ${res.next ? `<a data-page="next" href="#/jobs?${esc(qs({state, offset: offset + 100}))}">Next</a>` : ''}</div>`;
    view.querySelectorAll('[data-retry]').forEach(b => b.onclick = async () => {
      b.disabled = true;
      try {
        await api(`/api/v1/jobs/${b.dataset.retry}/retry`, {method: 'POST'});
        jobs(params);
      } catch (e) {
        b.insertAdjacentHTML('afterend', errorBox(e));
      }
    });
  } catch (e) {
    if (current(g)) view.innerHTML = errorBox(e);
  }
}

const pages = {'/': inventory, '/jobs': jobs, '/findings': findings, '/gaps': gaps, '/report': report, '/sources': sources};

function route() {
  const h = location.hash.slice(1) || '/';
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const params = Object.fromEntries(new URLSearchParams(q < 0 ? '' : h.slice(q + 1)));
  document.querySelectorAll('header nav a[data-nav]').forEach(a => {
    if (a.dataset.nav === (path.startsWith('/asset/') ? '/' : path)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (path.startsWith('/asset/')) {
    let id = path.slice(7);
    try { id = decodeURIComponent(id); } catch (e) { /* malformed escape: asked as it is, the API answers 404 */ }
    return asset(id);
  }
  return (pages[path] || inventory)(params);
}

document.getElementById('run-now').onclick = async () => {
  try {
    await api('/api/v1/run', {method: 'POST'});
    location.hash = '#/jobs';
  } catch (e) {
    view.insertAdjacentHTML('afterbegin', errorBox(e));
  }
};
window.addEventListener('hashchange', route);
route();
