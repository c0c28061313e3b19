// Drives the datamap web UI in Debian's Chromium through playwright-core
// (run by test_ui_browser.sh, which starts `datamap serve` and fills the
// catalog). Prints "ok: ..." / "FAIL: ..." lines; exit status 1 on a failure.
// Environment: DM_SRC, CHROMIUM, URL (http://127.0.0.1:PORT), TOKEN,
// CONTACTS_ID, CARE_ID and BILLING_ID (asset ids), BULK (number of bulk assets),
// TOTAL (all assets: the bulk ones, contacts, care, the hostile one, billing
// and broken of the second source), OUT (a folder),
// NEWDIR (a folder with personal data, added as a source through the UI).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(path.join(process.env.DM_SRC, 'node_modules', 'playwright-core'));

const URL0 = process.env.URL, TOKEN = process.env.TOKEN;
const CONTACTS = process.env.CONTACTS_ID, CARE = process.env.CARE_ID, BULK = Number(process.env.BULK);
const BILLING = process.env.BILLING_ID, TOTAL = Number(process.env.TOTAL);
const HOSTILE = '<img src=x onerror=alert(1)>';
let failures = 0;
const ok = m => console.log('ok: ' + m);
const fail = m => { failures++; console.log('FAIL: ' + m); };
function expect(cond, m, detail) { cond ? ok(m) : fail(m + (detail === undefined ? '' : ': ' + JSON.stringify(detail))); }

// one step: a failure (a wait that times out, a throw) is reported and the next step runs
let page;
async function step(name, fn) {
  try { await fn(); } catch (e) { fail(`${name}: ${String(e.message || e).split('\n')[0]}`); }
  // DM_UI_SHOTS=DIR: a screenshot after each step, to look at
  if (process.env.DM_UI_SHOTS && page)
    await page.screenshot({ path: path.join(process.env.DM_UI_SHOTS, name.replace(/[^a-z0-9]+/gi, '_') + '.png'), fullPage: true });
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(10000);
  const consoleErrors = [], outside = [], assetQueries = [], dialogs = [], failed = [];
  page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', e => consoleErrors.push('pageerror: ' + e.message));
  page.on('response', r => { if (r.status() >= 400) failed.push(r.status() + ' ' + r.url()); });
  page.on('request', r => {
    const u = r.url();
    if (!u.startsWith(URL0 + '/') && !u.startsWith('blob:' + URL0 + '/')) outside.push(u);
    if (u.startsWith(URL0 + '/api/v1/assets?')) assetQueries.push(u);
  });
  // the token prompt: answered with the token; any other dialog (alert from
  // an injected name) is recorded and dismissed
  page.on('dialog', async d => {
    dialogs.push({ type: d.type(), message: d.message() });
    if (d.type() === 'prompt') await d.accept(TOKEN);
    else if (d.type() === 'confirm' && d.message().startsWith('Remove source fresh?')) await d.accept();
    else await d.dismiss();
  });

  await step('inventory behind the token', async () => {
    await page.goto(URL0 + '/');
    await page.waitForSelector('#assets tbody tr[data-asset-id]');
    expect(dialogs.length === 1 && dialogs[0].type === 'prompt' && /token/i.test(dialogs[0].message),
      'one token prompt, answered', dialogs);
    expect(await page.evaluate(() => localStorage.getItem('datamap-token')) === TOKEN, 'token kept in localStorage');
    const total = await page.getAttribute('.pager', 'data-total');
    expect(Number(total) === TOTAL, `inventory total ${TOTAL}`, total);
    expect(await page.locator('#assets tbody tr').count() === 50, 'first inventory page: 50 rows');
  });

  await step('hostile asset name', async () => {
    await page.fill('#filters input[name=q]', 'svg');
    await page.click('#filters button');
    await page.waitForFunction(() => location.hash.includes('q=svg') &&
      document.querySelectorAll('#assets tbody tr[data-asset-id]').length === 1);
    expect((await page.innerText('#assets tbody tr a')) === 'ops<svg onload=alert(2)>', 'hostile asset name shown as text');
    expect((await page.locator('#view svg').count()) === 0, 'no element injected by an asset name');
    await page.click('#assets tbody tr a');
    await page.waitForFunction(() => document.getElementById('asset-name')?.textContent === 'ops<svg onload=alert(2)>');
    expect((await page.locator('#view svg').count()) === 0 && (await page.locator('tr[data-personal="true"]').count()) === 0,
      'its asset page: nothing injected, nothing personal');
    await page.goBack();
    await page.waitForSelector('#filters input[name=q]');
  });

  await step('inventory search', async () => {
    await page.fill('#filters input[name=q]', 'contacts');
    await page.click('#filters button');
    await page.waitForFunction(() => location.hash.includes('q=contacts') &&
      document.querySelectorAll('#assets tbody tr[data-asset-id]').length === 1);
    const names = await page.locator('#assets tbody tr a').allInnerTexts();
    expect(names.length === 1 && names[0] === 'contacts', 'search finds only contacts', names);
    expect((await page.getAttribute('#assets tbody tr', 'data-asset-id')) === CONTACTS, 'its row carries its id');
  });

  await step('inventory: personal-data columns and categories', async () => {
    const row = page.locator(`#assets tbody tr[data-asset-id="${CONTACTS}"]`);
    expect((await row.getAttribute('data-personal-columns')) === '3', 'contacts: 3 personal-data columns',
      await row.getAttribute('data-personal-columns'));
    const cats = await row.locator('[data-category]').evaluateAll(bs => bs.map(b => b.dataset.category));
    expect(cats.some(c => c.startsWith('user.contact.email')) && cats.some(c => c.startsWith('user.name')) &&
      cats.some(c => c.startsWith('user.contact.phone')), 'contacts: email, name and phone categories', cats);
    const text = await row.innerText();
    expect(/\b3\b columns/.test(text) && /classified/.test(text), 'contacts row reads "3 columns" and classified', text);
  });

  await step('asset page: personal-data marks', async () => {
    await page.click('#assets tbody tr a');
    await page.waitForSelector('#asset-name');
    expect((await page.innerText('#asset-name')) === 'contacts', 'asset page heading');
    expect(page.url().endsWith('#/asset/' + CONTACTS), 'asset page url', page.url());
    const cols = await page.$$eval('tr[data-column]', rows => rows.map(r => [
      r.dataset.column, r.dataset.personal, Array.from(r.querySelectorAll('[data-entity]')).map(b => b.textContent)]));
    // PHONE_NUMBER is reported beside the country's phone type (e4d5803)
    const want = { email: ['true', ['EMAIL']], phone: ['true', ['UK_PHONE_NUMBER', 'PHONE_NUMBER']], full_name: ['true', ['PERSON_NAME']],
                   shoe_size: ['false', []] };
    for (const [col, [personal, ents]] of Object.entries(want)) {
      const got = cols.find(c => c[0] === col);
      expect(got && got[1] === personal && JSON.stringify(got[2]) === JSON.stringify(ents),
        `column ${col}: personal=${personal} ${ents.join(',')}`, got);
    }
    expect(await page.locator('tr.pii[data-personal="true"]').count() === 3, 'exactly three columns highlighted');
    const evidence = await page.innerText('tr[data-column="email"]');
    expect(/\*\*\*/.test(evidence) && !/@example\.(com|org|net)/.test(evidence), 'email evidence masked', evidence);
    expect((await page.innerText('#tags')).includes('No tags'), 'untagged asset: no tags');
  });

  await step('asset page: dismiss a finding, then undo', async () => {
    await page.click('tr[data-column="shoe_size"]');    /* nothing to review there */
    // every finding of the column (its phone types), one after the other: the
    // column is no longer highlighted once all are dismissed
    const types = await page.$$eval('tr[data-column="phone"] button[data-review="dismiss"]', bs => bs.map(b => b.dataset.entityType));
    for (const [i, t] of types.entries()) {
      await page.click(`tr[data-column="phone"] button[data-review="dismiss"][data-entity-type="${t}"]`);
      await page.fill('tr[data-column="phone"] form.review input[name="reason"]', 'switchboard numbers');
      await page.click('tr[data-column="phone"] form.review button');
      await page.waitForFunction(n => document.querySelectorAll('tr[data-column="phone"] [data-review-state="dismissed"]').length === n, i + 1);
    }
    await page.waitForSelector('tr[data-column="phone"][data-personal="false"] [data-review-state="dismissed"]');
    expect(types.length >= 1 && await page.locator('tr.pii[data-personal="true"]').count() === 2, 'dismissed column no longer highlighted', types);
    for (const [i, t] of types.entries()) {
      await page.click(`tr[data-column="phone"] button[data-review="undo"][data-entity-type="${t}"]`);
      await page.fill('tr[data-column="phone"] form.review input[name="reason"]', 'test over');
      await page.click('tr[data-column="phone"] form.review button');
      await page.waitForFunction(n => document.querySelectorAll('tr[data-column="phone"] [data-review-state="dismissed"]').length === n, types.length - i - 1);
    }
    await page.waitForSelector('tr[data-column="phone"][data-personal="true"] button[data-review="dismiss"]');
    expect(await page.locator('tr.pii[data-personal="true"]').count() === 3, 'undone: three columns highlighted again');
  });

  await step('asset page: tags with origin, hostile column name', async () => {
    await page.goto(URL0 + '/#/asset/' + CARE);
    // same document, new hash: wait for this asset's page, not the previous one's
    await page.waitForFunction(() => document.getElementById('asset-name')?.textContent === 'care' &&
      document.getElementById('tags'));
    const tag = page.locator('#tags tr[data-tag-key="Processing Activity"]');
    const tagText = await page.innerText('#tags');
    expect((await tag.count()) === 1 && (await tag.innerText()).includes('Customer care'), 'tag Processing Activity shown', tagText);
    expect((await tag.getAttribute('data-origin')) === 'sidecar', 'tag origin sidecar',
      await tag.getAttribute('data-origin'));
    const hostile = page.locator(`tr[data-column="${HOSTILE.replace(/"/g, '\\"')}"]`);
    expect((await hostile.count()) === 1 && (await hostile.innerText()).includes(HOSTILE), 'hostile column name shown as text');
    expect((await page.locator('#view img').count()) === 0, 'no element injected by a column name');
  });

  await step('asset page: a source tag overridden by the sidecar', async () => {
    await page.goto(URL0 + '/#/asset/' + BILLING);
    await page.waitForFunction(() => document.getElementById('asset-name')?.textContent === 'billing' &&
      document.getElementById('tags'));
    const side = page.locator('#tags tr[data-tag-key="Retention"][data-origin="sidecar"]');
    const src = page.locator('#tags tr[data-tag-key="Retention"][data-origin="source"]');
    expect((await side.getAttribute('data-in-force')) === 'true' && (await side.innerText()).includes('7 years'),
      "the sidecar's Retention 7 years is in force", await side.innerText());
    expect((await src.getAttribute('data-in-force')) === 'false' && (await src.locator('s').innerText()) === '1 year' &&
      (await src.innerText()).includes('overridden by sidecar'), "the source's 1 year is struck through, overridden by sidecar",
      await src.innerText());
  });

  await step('inventory: a failed asset shows as failed with its error', async () => {
    await page.goto(URL0 + '/#/?q=broken');
    await page.waitForFunction(() => location.hash.includes('q=broken') &&
      document.querySelectorAll('#assets tbody tr[data-asset-id]').length === 1);
    const row = page.locator('#assets tbody tr[data-asset-id]');
    const text = await row.innerText();
    expect((await row.getAttribute('data-state')) === 'failed' && /failed/.test(text) && !/discovered/.test(text),
      'broken reads failed, not discovered', text);
    expect(/truncated gzip stream/.test(text) && /t\.csv\.gz/.test(text), 'with its error and the file', text);
    expect((await row.getAttribute('data-personal-columns')) === '0', 'and no personal-data columns');
    await page.fill('#filters input[name=q]', '');
    await page.selectOption('#filters select[name=state]', 'failed');
    await page.click('#filters button');
    await page.waitForFunction(() => location.hash.includes('state=failed') &&
      document.querySelectorAll('#assets tbody tr[data-asset-id]').length >= 1);
    const names = await page.locator('#assets tbody tr a').allInnerTexts();
    expect(names.length === 1 && names[0] === 'broken', 'state filter failed: broken only', names);
    await page.click('#assets tbody tr a');
    await page.waitForSelector('#asset-error');
    expect((await page.innerText('#asset-error')).includes('truncated gzip stream'), 'its page says why it failed');
  });

  await step('findings page', async () => {
    await page.click('header nav a[data-nav="/findings"]');
    await page.waitForSelector('#findings');
    await page.fill('#finding-filters input[name=entity]', 'PERSON_NAME');
    await page.click('#finding-filters button');
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('#findings tr[data-finding]'));
      return location.hash.includes('entity=PERSON_NAME') && rows.length > 0 && rows.every(r => r.dataset.entity === 'PERSON_NAME');
    });
    const rows = await page.$$eval('#findings tr[data-finding]', rs => rs.map(r => [r.dataset.entity, r.dataset.column, r.dataset.assetId]));
    expect(rows.length === 1 && rows[0][0] === 'PERSON_NAME' && rows[0][1] === 'full_name' && rows[0][2] === CONTACTS,
      'entity filter: one PERSON_NAME finding, contacts.full_name', rows);
    await page.click('#findings tr[data-finding] a');
    await page.waitForFunction(id => location.hash === '#/asset/' + id && document.getElementById('asset-name'), CONTACTS);
    ok('finding links to its asset');
  });

  await step('gaps page', async () => {
    await page.click('header nav a[data-nav="/gaps"]');
    await page.waitForSelector('#gaps');
    const counts = await page.$$eval('#gap-kinds a[data-kind]', as => as.map(a => [a.dataset.kind, a.textContent]));
    const np = counts.find(c => c[0] === 'no_purpose');
    expect(np && np[1].includes(`(${BULK + 1})`), `no_purpose count ${BULK + 1}`, counts);
    await page.click('#gap-kinds a[data-kind="no_purpose"]');
    await page.waitForFunction(() => location.hash === '#/gaps?kind=no_purpose' && document.getElementById('gaps'));
    await page.waitForFunction(() => document.querySelector('#gap-kinds a[aria-current]')?.dataset.kind === 'no_purpose');
    const kinds = await page.$$eval('#gaps tr[data-gap-kind]', rs => rs.map(r => r.dataset.gapKind));
    expect(kinds.length === 50 && kinds.every(k => k === 'no_purpose'), 'filtered: 50 no_purpose rows on page 1', kinds.length);
    const find = async () => page.$$eval('#gaps tr[data-gap-kind]', (rs, ids) => rs.filter(r => ids.includes(r.dataset.assetId))
      .map(r => [r.dataset.assetId, r.querySelector('a') && r.querySelector('a').getAttribute('href')]), [CONTACTS, CARE]);
    let mine = await find();
    await page.click('.pager a[data-page="next"]');
    await page.waitForFunction(() => location.hash.includes('offset=50') && document.querySelector('#gaps') &&
      document.querySelector('.pager a[data-page="prev"]'));
    const n = await page.locator('#gaps tr[data-gap-kind]').count();
    expect(n === BULK + 1 - 50, `server-side paging: page 2 has ${BULK + 1 - 50} rows`, n);
    mine = mine.concat(await find());
    expect(mine.length === 1 && mine[0][0] === CONTACTS && mine[0][1] === '#/asset/' + CONTACTS,
      'no_purpose gap for contacts (linked), none for the tagged care', mine);
  });

  await step('report page', async () => {
    await page.click('header nav a[data-nav="/report"]');
    await page.waitForSelector('#record section.activity');
    const care = page.locator('section.activity[data-activity="Customer care"]');
    expect((await care.count()) === 1, 'activity Customer care');
    const careText = await care.innerText();
    for (const want of ['Answer support tickets', 'Purpose of processing', "tag 'Purpose of Processing' (sidecar)",
                        'Contact details (email)', 'local/care'])
      expect(careText.includes(want), `Customer care shows ${JSON.stringify(want)}`);
    const un = page.locator('section.activity[data-activity="Unassigned"]');
    expect((await un.count()) === 1 && (await un.innerText()).includes('local/contacts'), 'Unassigned activity holds local/contacts');
    expect((await page.innerText('[data-stat="gaps"]')).match(/^\d+/) !== null, 'gap count shown');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="md"]')]);
    const file = path.join(process.env.OUT, 'report.md');
    await dl.saveAs(file);
    const md = fs.readFileSync(file, 'utf8');
    expect(dl.suggestedFilename() === 'record-of-processing.md' && md.includes('Customer care') && md.includes('Answer support tickets'),
      'Markdown download through a Blob URL', dl.suggestedFilename());
    const [dj] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="json"]')]);
    await dj.saveAs(path.join(process.env.OUT, 'report.json'));
    const j = JSON.parse(fs.readFileSync(path.join(process.env.OUT, 'report.json'), 'utf8'));
    expect(j.activities.some(a => a.name === 'Customer care'), 'JSON download is the report model');
  });

  await step('jobs page', async () => {
    await page.click('header nav a[data-nav="/jobs"]');
    await page.waitForSelector('#jobs tr[data-job]');
    expect((await page.innerText('#jobs')).includes('done'), 'jobs page lists the done run');
  });

  await step('sources page: add, see it classified, remove', async () => {
    await page.click('header nav a[data-nav="/sources"]');
    await page.waitForSelector('#sources tr[data-source="local"]');
    ok('sources page lists the source');
    await page.fill('#source-add input[name="name"]', 'fresh');
    await page.fill('#source-add input[name="url"]', process.env.NEWDIR);
    await page.fill('#source-add input[name="tags"]', 'Data Subjects=Customers');
    await page.click('#source-add button');
    await page.waitForFunction(() => location.hash.startsWith('#/?source=fresh'));
    let state = '';
    for (let i = 0; i < 60 && state !== 'classified'; i++) {
      await page.reload();    /* the same hash again would not render the page again */
      await page.waitForSelector('#assets');
      const row = await page.$('#assets tbody tr[data-asset-id]');
      state = row ? (await row.innerText()).includes('classified') ? 'classified' : 'pending' : 'none';
      if (state !== 'classified') await page.waitForTimeout(250);
    }
    expect(state === 'classified', 'a source added in the UI is run and classified', state);
    await page.click('header nav a[data-nav="/sources"]');
    await page.waitForSelector('#sources tr[data-source="fresh"]');
    await page.click('#sources button[data-remove="fresh"]');
    await page.waitForFunction(() => !document.querySelector('#sources tr[data-source="fresh"]') &&
                                     !!document.querySelector('#sources tr[data-source="local"]'));
    ok('removing it (after a confirmation) takes it off the list');
  });

  // the one expected failure: the first API call, answered 401 before the token was given
  const unauthorized = consoleErrors.filter(m => /status of 401/.test(m));
  expect(failed.length === 1 && /^401 /.test(failed[0]) && unauthorized.length === 1,
    'one 401 (before the token), no other failed request', failed);
  expect(consoleErrors.length === unauthorized.length, 'no console error', consoleErrors);
  expect(outside.length === 0, 'no request leaves ' + URL0, outside);
  expect(assetQueries.length > 0 && assetQueries.every(u => /[?&]limit=50(&|$)/.test(u)),
    'inventory asks the server for one page at a time', assetQueries);
  expect(dialogs.filter(d => d.type !== 'confirm').length === 1 && dialogs.length <= 2,
    'no dialog besides the token prompt and the removal confirmation', dialogs);
  await page.screenshot({ path: path.join(process.env.OUT, 'ui.png'), fullPage: true });
  await browser.close();
  process.exit(failures ? 1 : 0);
})().catch(e => { console.log('FAIL: ' + (e.stack || e)); process.exit(1); });
