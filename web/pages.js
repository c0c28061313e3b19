// datamap web UI: findings (personal-data columns across assets) and gaps
// (what the Art. 30 record is missing), both paged by the server.
import {view, PAGE, esc, api, qs, begin, current, pager, offsetOf, errorBox} from './lib.js';

export const GAP_TITLES = {
  no_purpose: 'No purpose', no_data_subjects: 'No data subjects', no_legal_basis: 'No legal basis',
  no_special_basis: 'No Art. 9 condition', never_classified: 'Never classified', stale: 'Stale',
  vanished: 'Vanished', no_controller: 'No controller', no_location: 'Location not known',
  no_transfer_safeguard: 'No transfer safeguard', unread_files: 'Files not read',
};

function assetLink(id, label) {
  return id != null ? `<a href="#/asset/${Number(id)}">${esc(label)}</a>` : esc(label);
}

export async function findings(params) {
  const g = begin();
  const f = {entity: params.entity || '', source: params.source || '', asset: params.asset || ''};
  const offset = offsetOf(params);
  view.innerHTML = `<h1>Findings</h1>
    <form class="filters" id="finding-filters">
      <input name="entity" placeholder="Entity (EMAIL)" value="${esc(f.entity)}">
      <select name="source" id="finding-source"><option value="">any source</option>
        ${f.source ? `<option selected>${esc(f.source)}</option>` : ''}</select>
      ${f.asset ? `<input type="hidden" name="asset" value="${esc(f.asset)}">
        <span class="muted">asset #${esc(f.asset)} · <a href="#/findings?${esc(qs({entity: f.entity, source: f.source}))}">all assets</a></span>` : ''}
      <button>Filter</button>
    </form><div id="list" class="muted">Loading…</div>`;
  document.getElementById('finding-filters').onsubmit = ev => {
    ev.preventDefault();
    location.hash = '#/findings?' + qs(Object.fromEntries(new FormData(ev.target)));
  };
  // sources for the filter, filled in when they come (not needed for the list)
  api('/api/v1/sources').then(res => {
    const sel = document.getElementById('finding-source');
    if (!current(g) || !sel) return;
    sel.innerHTML = '<option value="">any source</option>' +
      res.items.map(s => `<option ${s.name === f.source ? 'selected' : ''}>${esc(s.name)}</option>`).join('');
  }, () => {});
  try {
    const res = await api('/api/v1/findings?' + qs(Object.assign({}, f, {limit: PAGE, offset})));
    if (!current(g)) return;
    const rows = res.items.map(x => `<tr data-finding data-asset-id="${Number(x.asset_id)}" data-entity="${esc(x.entity)}" data-column="${esc(x.column)}">
        <td>${assetLink(x.asset_id, x.asset)}</td><td>${esc(x.source)}</td><td>${esc(x.table)}</td><td><code>${esc(x.column)}</code></td>
        <td><span class="badge pii">${esc(x.entity)}</span></td>
        <td>${Math.round(Number(x.ratio) * 100)}% <span class="muted">(${Number(x.matches)}/${Number(x.sampled)})</span></td>
        <td>${esc(x.confidence)}</td><td>${(x.examples || []).slice(0, 3).map(e => `<code>${esc(e)}</code>`).join(' ')}</td>
        <td class="muted">${esc(x.classified_at || '')}</td></tr>`).join('');
    document.getElementById('list').outerHTML = `<table id="findings"><thead><tr><th>Asset</th><th>Source</th><th>Table</th><th>Column</th>
      <th>Entity</th><th>Share</th><th>Confidence</th><th>Evidence (masked)</th><th>Classified</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="9" class="muted">No findings match.</td></tr>'}</tbody></table>
      ${pager(res.total, offset, PAGE, !!res.next, '#/findings', f, 'finding(s)')}`;
  } catch (e) {
    if (current(g)) document.getElementById('list').outerHTML = errorBox(e);
  }
}

export async function gaps(params) {
  const g = begin();
  const kind = params.kind || '';
  const offset = offsetOf(params);
  view.innerHTML = '<h1>Gaps</h1><div id="list" class="muted">Loading…</div>';
  try {
    const res = await api('/api/v1/gaps?' + qs({kind, limit: PAGE, offset}));
    if (!current(g)) return;
    const counts = res.counts || {};
    const all = Object.values(counts).reduce((a, b) => a + Number(b), 0);
    const kinds = [['', `all (${all})`]].concat(Object.entries(counts).map(([k, n]) => [k, `${GAP_TITLES[k] || k} (${Number(n)})`]));
    const links = kinds.map(([k, label]) => `<a data-kind="${esc(k)}" ${k === kind ? 'aria-current="true"' : ''}
        href="#/gaps${k ? '?' + esc(qs({kind: k})) : ''}">${esc(label)}</a>`).join(' · ');
    const rows = res.items.map(x => `<tr data-gap-kind="${esc(x.kind)}" data-asset-id="${x.asset_id == null ? '' : Number(x.asset_id)}">
        <td><span class="badge dead">${esc(GAP_TITLES[x.kind] || x.kind)}</span></td>
        <td>${x.asset == null ? '<span class="muted">—</span>' : assetLink(x.asset_id, x.asset)}</td>
        <td>${esc(x.activity || '')}</td><td>${esc(x.message)}</td></tr>`).join('');
    document.getElementById('list').outerHTML = `<p id="gap-kinds" class="kinds">${links}</p>
      <table id="gaps"><thead><tr><th>Gap</th><th>Asset</th><th>Activity</th><th>What to do</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="4" class="muted">No gaps: the record is complete.</td></tr>'}</tbody></table>
      ${pager(res.total, offset, PAGE, !!res.next, '#/gaps', {kind}, 'gap(s)')}`;
  } catch (e) {
    if (current(g)) document.getElementById('list').outerHTML = errorBox(e);
  }
}
