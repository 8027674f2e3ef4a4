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
  system = await embedded({ Admin__Token: TOKEN, Batches__PublishRate: '20' });
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
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('upload a CSV in centimetres (GB18030, as Excel on Chinese Windows saves it) and submit', async () => {
  const page = await pageFor('console-csv');
  await page.goto(url);
  await page.waitForSelector(cell(0, 0));
  await page.selectOption('#unit-L', 'cm');
  const csv = 'L（摆长）/cm,T/s\n50,1.420\n60,1.554\n70,1.679\n80,1.794\n90,1.903\n';
  await page.setInputFiles('#csv', { name: '单摆.csv', mimeType: 'text/csv', buffer: encodeGb18030(csv) });
  await page.waitForFunction((selector) => document.querySelector(selector).value !== '', cell(4, 0));
  assert.equal(await page.locator(cell(4, 0)).inputValue(), '90');
  assert.equal(await page.locator(cell(2, 1)).inputValue(), '1.679');
  await page.click('#submit');
  assert.equal(await waitFinal(page), 'succeeded');
  assert.match(await page.locator('.result-line').first().textContent(), /^g = \(9\.\d+ ± 0\.\d+\) m\/s²$/);
  await page.context().close();
});

test('import an Excel workbook (.xlsx, read by the API with MiniExcel) and submit', async () => {
  const page = await pageFor('console-xlsx');
  await page.goto(url);
  await page.waitForSelector(cell(0, 0));
  await page.selectOption('#unit-L', 'cm');
  await page.setInputFiles('#csv', path.join(__dirname, '../fixtures/pendulum.xlsx'));
  await page.waitForFunction((selector) => (document.querySelector(selector)?.value ?? '') !== '', cell(4, 1, 2));
  assert.equal(await page.locator('#n-T').inputValue(), '3');
  assert.equal(await page.locator(cell(0, 0)).inputValue(), '50');
  assert.equal(await page.locator(cell(4, 1, 2)).inputValue(), '1.902');
  await page.click('#submit');
  assert.equal(await waitFinal(page), 'succeeded');
  assert.match(await page.locator('.result-line').first().textContent(), /^g = \(9\.8\d+ ± 0\.0\d+\) m\/s²$/);
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

test('every control has a label, the language toggles, and the first load is under 200 KB', async () => {
  const page = await pageFor('console-a11y');
  await page.goto(url);
  await page.waitForSelector(cell(0, 0));
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
  const bytes = await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .reduce((sum, entry) => sum + entry.transferSize, 0));
  assert.ok(bytes > 0 && bytes <= 200 * 1024, `first load transferred ${bytes} bytes`);
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
  await shot(page, 'admin');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
