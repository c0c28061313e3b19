// datamap web UI: the Art. 30 record rendered from /api/v1/report?format=json
// (the report model, src/report/json.c), with downloads of every format.
import {view, esc, api, begin, current, errorBox, download} from './lib.js';

// field names of the model, in the record's order, with their titles (src/report/mapping.c)
const FIELDS = [
  ['processing_activity', 'Processing activity'], ['purpose', 'Purpose of processing'],
  ['data_subjects', 'Categories of data subjects'], ['legal_basis', 'Lawful basis (Art. 6)'],
  ['special_category_basis', 'Special category condition (Art. 9)'], ['recipients', 'Categories of recipients'],
  ['transfers', 'Transfers to third countries'], ['transfer_safeguards', 'Safeguards for transfers'],
  ['retention', 'Retention (time limits for erasure)'], ['security_measures', 'Security measures (Art. 32)'],
  ['business_function', 'Business function'], ['app_name', 'Application'], ['app_id', 'Application id'],
];
const CONTROLLER = [['name', 'Controller'], ['contact', 'Controller contact'], ['joint_controller', 'Joint controller'],
  ['representative', 'Representative (Art. 27)'], ['dpo', 'Data protection officer']];
const FORMATS = [['html', 'HTML', 'record-of-processing.html'], ['md', 'Markdown', 'record-of-processing.md'],
  ['csv', 'CSV', 'record-of-processing.csv'], ['json', 'JSON', 'record-of-processing.json'], ['xlsx', 'Excel', 'record-of-processing.xlsx']];
const MAX_LISTED = 25;    // assets and columns listed per activity before "and N more"

// where a value comes from: "tag 'Purpose' (sidecar)", "store fact", "config"
function origin(v) {
  if (v.origin === 'tag') return `tag '${v.key || ''}'${v.tag_origin ? ` (${v.tag_origin})` : ''}`;
  return v.origin + (v.key && v.origin !== 'detection' ? ` ${v.key}` : '');
}

function values(list) {
  if (!list || !list.length) return '<span class="muted missing">not recorded</span>';
  return list.map(v => `<div class="value">${esc(v.value)} <span class="badge origin" title="${esc((v.assets || []).join(', '))}">${esc(origin(v))}</span></div>`).join('');
}

function some(list, fmt) {
  const shown = list.slice(0, MAX_LISTED).map(fmt).join(', ');
  return list.length > MAX_LISTED ? `${shown} <span class="muted">and ${list.length - MAX_LISTED} more</span>` : shown;
}

function activity(a, i) {
  // an asset id is "source/name" (a source name has no '/')
  const assetLink = id => {
    const cut = id.indexOf('/');
    if (cut < 0) return esc(id);
    return `<a href="#/?${esc(new URLSearchParams({q: id.slice(cut + 1), source: id.slice(0, cut)}).toString())}">${esc(id)}</a>`;
  };
  const fields = FIELDS.filter(([k]) => k !== 'processing_activity').map(([k, title]) =>
    `<tr data-field="${k}"><th scope="row">${esc(title)}</th><td>${values(a.fields && a.fields[k])}</td></tr>`).join('');
  const cats = (a.categories || []).map(c => `<tr data-category="${esc(c.category)}">
      <td>${esc(c.label)} ${c.special ? '<span class="badge pii">special (Art. 9)</span>' : ''}<div class="muted">${esc(c.category)}</div></td>
      <td>${(c.entities || []).map(e => `<span class="badge">${esc(e)}</span>`).join('')}</td>
      <td>${some(c.columns || [], col => `<code>${esc(col)}</code>`)}</td></tr>`).join('');
  return `<section class="activity" data-activity="${esc(a.name)}">
    <h3>${i + 1}. ${esc(a.name)} ${a.unassigned ? '<span class="badge dead">no Processing Activity tag</span>' : ''}</h3>
    <p>Stores (${(a.assets || []).length}): ${some(a.assets || [], assetLink) || '<span class="muted">none</span>'}</p>
    <table class="fields compact"><tbody>${fields}</tbody></table>
    <h4>Categories of personal data</h4>
    ${cats ? `<table class="categories compact"><thead><tr><th>Category</th><th>Entities</th><th>Columns</th></tr></thead><tbody>${cats}</tbody></table>`
           : '<p class="muted">No personal data detected.</p>'}
  </section>`;
}

export async function report() {
  const g = begin();
  view.innerHTML = `<h1>Record of processing activities</h1>
    <p class="downloads" id="downloads">Download: ${FORMATS.map(([f, label]) => `<button type="button" data-download="${f}">${label}</button>`).join(' ')}</p>
    <div id="record" class="muted">Loading…</div>`;
  view.querySelectorAll('[data-download]').forEach(b => b.onclick = async () => {
    const [fmt, , name] = FORMATS.find(x => x[0] === b.dataset.download);
    b.disabled = true;
    try {
      await download('/api/v1/report?format=' + fmt, name);
    } catch (e) {
      b.insertAdjacentHTML('afterend', errorBox(e));
    } finally {
      b.disabled = false;
    }
  });
  try {
    // not every asset and column: 20 MB on 10,000 assets, and this page shows neither
    const r = await api('/api/v1/report?format=json&sections=controller,overview,activities');
    if (!current(g)) return;
    const ov = r.overview || {};
    const controller = CONTROLLER.map(([k, title]) => `<tr data-controller="${k}"><th scope="row">${esc(title)}</th>
      <td>${r.controller && r.controller[k] ? esc(r.controller[k].value) : '<span class="muted missing">not set</span>'}</td></tr>`).join('');
    const overview = [['assets', 'stores'], ['assets_with_personal_data', 'with personal data'], ['tables', 'tables'],
      ['personal_data_columns', 'personal-data columns'], ['categories', 'data categories'],
      ['special_category_columns', 'special-category columns'], ['activities', 'activities']]
      .map(([k, label]) => `<div class="stat" data-stat="${k}"><b>${Number(ov[k] || 0)}</b> ${label}</div>`).join('');
    document.getElementById('record').outerHTML = `<div id="record">
      <p class="muted">Generated ${esc(r.generated_at)} · classifications older than ${Number(r.stale_days)} days count as stale</p>
      <div class="stats">${overview}<div class="stat" data-stat="gaps"><b>${Number(ov.gaps || 0)}</b> <a href="#/gaps">gaps</a></div></div>
      <h2>Controller</h2><table class="fields compact"><tbody>${controller}</tbody></table>
      <h2>Processing activities</h2>
      ${(r.activities || []).map((a, i) => activity(a, i)).join('') || '<p class="muted">No processing activities: nothing classified yet.</p>'}
    </div>`;
  } catch (e) {
    if (current(g)) document.getElementById('record').outerHTML = errorBox(e);
  }
}
