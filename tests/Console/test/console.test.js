'use strict';
// The web console in a real browser (Debian's chromium, headless, driven by playwright-core) against
// the real API: one embedded API process in Production, reached as through WeChat Cloud Run's gateway
// (the identity headers the gateway adds), with an admin token configured.
// LABCHARTS_CONSOLE_SHOTS=dir also saves a screenshot of each view at 1366×768 and 390×844 there.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { embedded } = require('../../../clients/miniprogram/test/servers');

const CHROMIUM = process.env.LABCHARTS_CHROMIUM || '/usr/bin/chromium';
const TOKEN = 'console-test-admin-token';
const ADMIN_OPENID = 'console-teacher-admin';
const SHOTS = process.env.LABCHARTS_CONSOLE_SHOTS;
const gateway = (openid) => ({ 'X-WX-SOURCE': 'console-test', 'X-WX-OPENID': openid, 'X-WX-APPID': 'wx-console-test' });

let system;
let browser;
let url;
// Chromium finds fonts through fontconfig; the repository's Noto fonts (the charts' own) make the
// Chinese of the page render on a machine without CJK fonts, as a student's phone or laptop has them.
function fontConfig() {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'labcharts-fonts-'));
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(file, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${path.resolve(__dirname, '../../../fonts')}</dir>
<cachedir>${dir}/cache</cachedir></fontconfig>`);
  return file;
}

before(async () => {
  system = await embedded({ Admin__Token: TOKEN, Admin__OpenIds__0: ADMIN_OPENID, Batches__PublishRate: '20' });
  url = system.apis[0].url;
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, env: Object.assign({}, process.env, { FONTCONFIG_FILE: fontConfig() }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (system) await system.stop();
});

async function pageFor(openid, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, extraHTTPHeaders: gateway(openid), locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.errors = errors;
  return page;
}

// The view at a laptop's 1366×768 and a phone's 390×844 (full page), then the page's own size again.
async function shot(page, name) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const own = page.viewportSize();
  for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  await page.setViewportSize(own);
}

// Pastes text into a cell the way a browser does for Ctrl+V from Excel/WPS.
async function paste(page, selector, text) {
  await page.locator(selector).evaluate((cell, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

// Text whose colour against its background falls below WCAG AA (4.5:1; 3:1 for large text), as
// "what: ratio" strings. The background is the nearest ancestor's that is not transparent.
async function lowContrast(page) {
  return page.evaluate(() => {
    const rgb = (css) => (css.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length >= 3 && (c.length === 3 || c[3] > 0)) return c;
      }
      return [255, 255, 255];
    };
    const bad = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) || (el.matches('input, select, button') && (el.value || el.textContent).trim());
      if (!own || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const [a, b] = [lum(rgb(style.color)), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) bad.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.value).trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
    }
    return bad;
  });
}

const cell = (row, col, reading = 0) => `table.grid input[data-row="${row}"][data-col="${col}"][data-reading="${reading}"]`;

const PENDULUM_TSV = [
  '摆长 L/m\t周期 T1/s\t周期 T2/s\t周期 T3/s',
  '0.50\t1.419\t1.421\t1.418',
  '0.60\t1.553\t1.556\t1.554',
  '0.70\t1.679\t1.677\t1.680',
  '0.80\t1.794\t1.796\t1.793',
  '0.90\t1.903\t1.905\t1.902',
].join('\r\n') + '\r\n';

async function waitFinal(page) {
  await page.waitForSelector('#job-status[data-status="succeeded"], #job-status[data-status="failed"]', { timeout: 60000 });
  return page.locator('#job-status').getAttribute('data-status');
}

test('paste a TSV block from a spreadsheet, submit, see succeeded with g = (… ± …) m/s², open the chart', async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const page = await pageFor(`console-paste-${viewport.width}`, viewport);
    await page.goto(url);
    await page.waitForSelector(cell(0, 0));
    assert.equal(await page.locator('#experiment').inputValue(), 'pendulum');
    await paste(page, cell(0, 0), PENDULUM_TSV);
    // The header row is skipped and T widens to three readings per point.
    assert.equal(await page.locator('#n-T').inputValue(), '3');
    assert.equal(await page.locator(cell(4, 1, 2)).inputValue(), '1.902');
    assert.equal(await page.locator(cell(0, 0)).inputValue(), '0.50');
    await page.fill('#const-g_ref', '9.794');
    if (viewport.width === 1366) await shot(page, 'submit');
    await page.click('#submit');
    assert.equal(await waitFinal(page), 'succeeded');
    const line = await page.locator('.result-line').first().textContent();
    assert.match(line, /^g = \(9\.\d+ ± 0\.0\d+\) m\/s²$/);
    // The chart preview has loaded, and the download link gives the PNG itself.
    await page.waitForFunction(() => { const img = document.querySelector('.chart img'); return img && img.complete && img.naturalWidth > 0; });
    const href = await page.locator('.chart a').getAttribute('href');
    const chart = await page.request.get(href);
    assert.equal(chart.status(), 200);
    assert.equal((await chart.body()).subarray(1, 4).toString(), 'PNG');
    const downloads = await page.locator('a.download').allTextContents();
    assert.ok(downloads.some((d) => d.includes('chart.svg')) && downloads.some((d) => d.includes('chart.pdf')), `SVG and PDF downloads: ${downloads}`);
    assert.ok(await page.locator('table.data td', { hasText: /^k$/ }).count() >= 1, 'the fit table lists k');
    if (viewport.width === 1366) await shot(page, 'result');
    assert.deepEqual(await lowContrast(page), [], 'result view contrast');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

// Opens the form as `openid`, imports `file` (a path, or { name, mimeType, buffer }) with L in centimetres,
// checks the cells the import filled, submits, and returns the page showing the finished job's g line.
async function importAndSubmit(openid, file, filled, gLine) {
  const page = await pageFor(openid);
  await page.goto(url);
  await page.waitForSelector(cell(0, 0));
  await page.selectOption('#unit-L', 'cm');
  await page.setInputFiles('#csv', file);
  const [last] = Object.keys(filled).slice(-1);
  await page.waitForFunction((selector) => (document.querySelector(selector)?.value ?? '') !== '', last);
  for (const [selector, value] of Object.entries(filled)) assert.equal(await page.locator(selector).inputValue(), value, selector);
  await page.click('#submit');
  assert.equal(await waitFinal(page), 'succeeded');
  assert.match(await page.locator('.result-line').first().textContent(), gLine);
  assert.deepEqual(page.errors, []);
  await page.context().close();
}

test('upload a CSV in centimetres (GB18030, as Excel on Chinese Windows saves it) and submit', async () => {
  const csv = 'L（摆长）/cm,T/s\n50,1.420\n60,1.554\n70,1.679\n80,1.794\n90,1.903\n';
  await importAndSubmit('console-csv', { name: '单摆.csv', mimeType: 'text/csv', buffer: encodeGb18030(csv) },
    { [cell(2, 1)]: '1.679', [cell(4, 0)]: '90' }, /^g = \(9\.\d+ ± 0\.\d+\) m\/s²$/);
});

test('import an Excel workbook (.xlsx, read by the API with MiniExcel) and submit', async () => {
  await importAndSubmit('console-xlsx', path.join(__dirname, '../fixtures/pendulum.xlsx'),
    { [cell(0, 0)]: '50', [cell(4, 1, 2)]: '1.902' }, /^g = \(9\.8\d+ ± 0\.0\d+\) m\/s²$/);
});

test('keyboard only: Tab to the table, type it with Enter and Shift+Enter, submit with Enter, focus always visible', async () => {
  const page = await pageFor('console-keys');
  await page.goto(url);
  await page.waitForSelector(cell(0, 0));
  // Tab from the top of the page until a given element has focus; every stop shows a focus ring.
  async function tabTo(selector, limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate((sel) => {
        const el = document.activeElement;
        return { here: el.matches(sel), ring: getComputedStyle(el).outlineStyle !== 'none', what: el.outerHTML.slice(0, 80) };
      }, selector);
      assert.ok(stop.ring, `no visible focus on ${stop.what}`);
      if (stop.here) return i + 1;
    }
    assert.fail(`Tab never reached ${selector}`);
  }
  await tabTo(cell(0, 0));
  // L down the first column with Enter; Tab across to T on the last row; T back up with Shift+Enter.
  const L = ['0.50', '0.60', '0.70', '0.80', '0.90'];
  const T = ['1.419', '1.553', '1.679', '1.794', '1.903'];
  for (const [i, v] of L.entries()) {
    await page.keyboard.type(v);
    if (i < L.length - 1) await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Tab');
  for (const [i, v] of [...T.entries()].reverse()) {
    await page.keyboard.type(v);
    if (i > 0) await page.keyboard.press('Shift+Enter');
  }
  assert.equal(await page.locator(cell(4, 0)).inputValue(), '0.90');
  assert.equal(await page.locator(cell(0, 1)).inputValue(), '1.419');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.row), '0', 'Shift+Enter went back up');
  assert.equal(await page.locator('#job-status').count(), 0, 'Enter in a cell did not submit the form');
  await tabTo('#submit');
  await page.keyboard.press('Enter');
  assert.equal(await waitFinal(page), 'succeeded');
  assert.match(await page.locator('.result-line').first().textContent(), /^g = \(9\.\d+ ± 0\.0\d+\) m\/s²$/);
  await tabTo('.chart a');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Only the header is Chinese; encode it by hand (Node has no GB18030 encoder): UTF-8 bytes would decode
// as UTF-8, so this proves the fallback only when the bytes are not valid UTF-8.
function encodeGb18030(text) {
  const table = { '（': [0xa3, 0xa8], '）': [0xa3, 0xa9], 摆: [0xb0, 0xda], 长: [0xb3, 0xa4] };
  const bytes = [];
  for (const ch of text) {
    if (table[ch]) bytes.push(...table[ch]);
    else bytes.push(ch.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

test('a bad value is marked in its cell with the API\'s message', async () => {
  const page = await pageFor('console-bad');
  await page.goto(url);
  await page.waitForSelector(cell(0, 0));
  await paste(page, cell(0, 0), '0.50\t1.419\n0.60\t1.553\n-0.70\t1.679\n0.80\t1.794\n0.90\t1.903\n');
  await page.click('#submit');
  await page.waitForSelector('.problem');
  assert.match(await page.locator('.problem').textContent(), /第 3 个数据点是 -0\.7/);
  assert.equal(await page.locator(cell(2, 0)).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.row), '2', 'focus moves to the cell');
  await shot(page, 'error');
  assert.deepEqual(await lowContrast(page), [], 'error contrast');
  // A word in a repeated reading names that reading.
  await page.fill(cell(2, 0), '0.70');
  await page.fill('#n-T', '2');
  await page.fill(cell(1, 1, 1), '1,556');
  await page.fill(cell(0, 1, 1), '1.421');
  await page.click('#submit');
  await page.waitForSelector('.problem');
  assert.match(await page.locator('.problem').textContent(), /第 2 个数据点的第 2 次读数“1,556”不是数字/);
  assert.equal(await page.locator(cell(1, 1, 1)).getAttribute('aria-invalid'), 'true');
  await page.context().close();
});

test('every control has a label, text meets AA contrast, the language toggles, and the first load is under 200 KB', async (t) => {
  const page = await pageFor('console-a11y');
  await page.goto(url);
  await page.waitForSelector(cell(0, 0));
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(await lowContrast(page), [], 'form contrast');
  // The check itself finds light grey on white (1.6:1) and passes the page's muted hint colour.
  await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<p id="probe" style="color:#ccc">浅灰</p>'));
  assert.match((await lowContrast(page)).join(), /浅灰": 1\.6/);
  await page.evaluate(() => document.getElementById('probe').remove());
  const bytes = await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .reduce((sum, entry) => sum + entry.transferSize, 0));
  assert.ok(bytes > 0 && bytes <= 200 * 1024, `first load transferred ${bytes} bytes`);
  t.diagnostic(`first load transferred ${bytes} bytes`);
  await page.click('#lang');
  await page.waitForSelector('#submit:has-text("Submit")');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.context().close();
});

test('history lists my jobs newest first and opens one', async () => {
  const page = await pageFor('console-paste-1366');
  await page.goto(`${url}/#/history`);
  await page.waitForSelector('#history tbody tr');
  assert.ok(await page.locator('#history tbody tr').count() >= 1);
  await shot(page, 'history');
  await page.locator('#history a').first().click();
  assert.equal(await waitFinal(page), 'succeeded');
  await page.context().close();
});

test('admin: sign in with the token, dry run, start a re-render and watch its progress bar reach 100 %', async () => {
  const page = await pageFor('console-admin');
  await page.goto(`${url}/#/admin`);
  await page.fill('#admin-token', TOKEN);
  await page.press('#admin-token', 'Enter');
  await page.waitForSelector('#dry-run');
  await page.selectOption('#rr-experiments', ['pendulum']);
  await page.click('#dry-run');
  await page.waitForSelector('#rr-outcome p');
  const dry = await page.locator('#rr-outcome').textContent();
  const total = Number(/(\d+)/.exec(dry)[1]);
  assert.ok(total >= 1, `the dry run counts the pendulum jobs the other tests made: ${dry}`);
  await page.click('#start');
  await page.waitForSelector('#batches tr[data-state="succeeded"]', { timeout: 60000 });
  const row = page.locator('#batches tr[data-state="succeeded"]').first();
  assert.equal(await row.locator('progress').getAttribute('value'), '100');
  assert.match(await row.textContent(), new RegExp(`已发布 ${total}/${total} · 成功 ${total} · 失败 0`));
  // The health panel: ready, and the in-process queues' depths.
  await page.waitForSelector('#health [data-health="Healthy"]');
  assert.equal(await page.locator('#queues tbody tr').count(), 2);
  assert.match(await page.locator('#queues tr[data-lane="interactive"]').textContent(), /in-process interactive\d+—/);
  await shot(page, 'admin');
  assert.deepEqual(await lowContrast(page), [], 'admin contrast');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('admin by openid: a listed openid gets the admin view without a token; any other openid cannot reach it', async () => {
  const teacher = await pageFor(ADMIN_OPENID);
  await teacher.goto(`${url}/#/admin`);
  await teacher.waitForSelector('#dry-run');
  assert.equal(await teacher.locator('#admin-token').count(), 0);
  await teacher.context().close();
  // A student: the page asks for a token, and the API itself refuses the admin routes whatever the page does.
  const student = await pageFor('console-student');
  await student.goto(`${url}/#/admin`);
  await student.waitForSelector('#admin-token');
  assert.equal(await student.locator('#dry-run').count(), 0);
  const direct = await student.request.post(`${url}/api/admin/rerender`, { data: { dryRun: true } });
  assert.equal(direct.status(), 403);
  assert.equal((await direct.json()).code, 'forbidden');
  await student.context().close();
});
