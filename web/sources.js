// datamap web UI: the sources (list, add, remove, run one now) over
// /api/v1/sources. Credentials never go through here: the service reads them
// from its own environment, ~/.pgpass or AWS profiles.
import {view, esc, api, begin, current, errorBox} from './lib.js';

// "k=v, k2=v2" -> {k: "v", k2: "v2"}; null when a part has no '='.
function pairs(text) {
  const out = {};
  for (const part of text.split(',').map(s => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

export async function sources() {
  const g = begin();
  view.innerHTML = `<h1>Sources</h1>
    <form class="filters" id="source-add">
      <input name="name" placeholder="Name (crm)" required>
      <input name="url" placeholder="URL: /data/exports, s3://bucket, postgres://user@host:5432/db" size="44" required>
      <input name="options" placeholder="Options: include=public.*, views=true">
      <input name="tags" placeholder="Tags: Data Subjects=Customers">
      <button>Add and run</button>
    </form><div id="source-msg"></div><div id="list" class="muted">Loading…</div>`;
  const msg = document.getElementById('source-msg');
  document.getElementById('source-add').onsubmit = async ev => {
    ev.preventDefault();
    const d = Object.fromEntries(new FormData(ev.target));
    const options = pairs(d.options || ''), tags = pairs(d.tags || '');
    if (!options || !tags) {
      msg.innerHTML = errorBox(new Error('options and tags take key=value, separated by commas'));
      return;
    }
    try {
      await api('/api/v1/sources', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({name: d.name, url: d.url, options, tags})});
      location.hash = '#/?' + new URLSearchParams({source: d.name}).toString();
    } catch (e) {
      msg.innerHTML = errorBox(e);
    }
  };
  try {
    const res = await api('/api/v1/sources');
    if (!current(g)) return;
    const rows = res.items.map(s => `<tr data-source="${esc(s.name)}">
        <td><a href="#/?${esc(new URLSearchParams({source: s.name}).toString())}">${esc(s.name)}</a></td>
        <td><code>${esc(s.url)}</code></td><td class="muted">${esc(s.created_at)}</td>
        <td><button type="button" data-run="${esc(s.name)}">Run now</button>
            <button type="button" data-remove="${esc(s.name)}">Remove</button></td></tr>`).join('');
    document.getElementById('list').outerHTML = `<table id="sources"><thead><tr><th>Source</th><th>URL</th><th>Added</th><th></th></tr></thead>
      <tbody>${rows || '<tr><td colspan="4" class="muted">No sources yet: add one above.</td></tr>'}</tbody></table>`;
    view.querySelectorAll('[data-run]').forEach(b => b.onclick = async () => {
      b.disabled = true;
      try {
        await api('/api/v1/run', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({sources: [b.dataset.run]})});
        location.hash = '#/jobs';
      } catch (e) {
        b.insertAdjacentHTML('afterend', errorBox(e));
      }
    });
    view.querySelectorAll('[data-remove]').forEach(b => b.onclick = async () => {
      if (!confirm(`Remove source ${b.dataset.remove}? Its assets stay in the catalog, marked vanished.`)) return;
      b.disabled = true;
      try {
        await api('/api/v1/sources/' + encodeURIComponent(b.dataset.remove), {method: 'DELETE'});
        sources();
      } catch (e) {
        b.insertAdjacentHTML('afterend', errorBox(e));
      }
    });
  } catch (e) {
    if (current(g)) document.getElementById('list').outerHTML = errorBox(e);
  }
}
