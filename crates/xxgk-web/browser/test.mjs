// End-to-end tests of `xxgk serve` in a real browser: Debian's chromium driven by
// playwright-core (no browser download). Run by scripts/browser-tests.sh, which
// builds the binary; XXGK_BIN names it, XXGK_CORPUS the real reports.
// With XXGK_SCREENSHOTS=<dir>, each page is also photographed at 1366×768 and
// at a phone's width into that folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const BIN = resolve(process.env.XXGK_BIN || '../../../target/debug/xxgk');
const CORPUS = process.env.XXGK_CORPUS ? resolve(process.env.XXGK_CORPUS) : null;
const SHOTS = process.env.XXGK_SCREENSHOTS ? resolve(process.env.XXGK_SCREENSHOTS) : null;
const CHECKED = 'hongze-2023.txt';

let server;
let base;
let browser;
let context;
let profile;

// Starts the server on a free port (--port 0) and reads the address it prints.
const startServer = () => new Promise((ok, fail) => {
  server = spawn(BIN, ['serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  // However the run ends, the server ends with it.
  process.on('exit', () => server.kill());
  let said = '';
  const timer = setTimeout(() => fail(new Error(`server did not start: ${said}`)), 20000);
  server.stderr.on('data', (chunk) => {
    said += chunk;
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(said);
    if (m && !base) {
      base = m[0];
      clearTimeout(timer);
      ok();
    }
  });
  server.on('exit', (code) => fail(new Error(`server exited (${code}): ${said}`)));
});

before(async () => {
  await startServer();
  profile = mkdtempSync(join(tmpdir(), 'xxgk-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    // The tests' own waiting functions are evaluated in the page; the server's
    // Content-Security-Policy (no eval) stays in force for the page's scripts.
    bypassCSP: true,
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  browser = context;
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const shoot = async (page, name) => {
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, `${name}-1366.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SHOTS, `${name}-phone.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
};

test('a corpus report uploaded on the check page has its findings marked in place', { skip: !CORPUS && 'XXGK_CORPUS not set' }, async () => {
  const page = await context.newPage();
  await page.goto(base);
  await shoot(page, 'check-empty');
  await page.setInputFiles('#files', join(CORPUS, CHECKED));
  await page.waitForSelector('#result:not([hidden]) .finding');
  // What the API says of the file, asked directly, is what the page shows.
  const body = readFileSync(join(CORPUS, CHECKED));
  const api = await (await fetch(`${base}api/check?name=${CHECKED}`, { method: 'POST', body })).json();
  const diagnostics = api.envelope.diagnostics;
  assert.ok(diagnostics.length > 0, 'the corpus report has findings');
  assert.equal(await page.locator('#findings .finding').count(), diagnostics.length);
  // Every finding of the report is marked on the element of its place.
  const marked = await page.locator('#report [data-findings]').evaluateAll((els) =>
    els.flatMap((el) => el.dataset.findings.split(',').map(Number)));
  const current = diagnostics.map((d, i) => [d, i]).filter(([d]) => d.location.document === 'current');
  assert.deepEqual(marked.sort((a, b) => a - b), current.map(([, i]) => i));
  // A cell finding outlines that very cell.
  const cell = current.find(([d]) => d.location.key);
  if (cell) {
    const td = page.locator(`#report td[data-pointer="${cell[0].location.pointer}"]`);
    assert.match(await td.getAttribute('class'), /mark-(error|warning|info)/);
  }
  // Clicking a finding shows its message and help; the rule's explanation on request.
  await page.locator('#findings .finding').first().click();
  await page.waitForSelector('#detail:not([hidden])');
  assert.ok((await page.textContent('#detail')).includes(diagnostics[0].message));
  await page.locator('#detail .explain').first().click();
  await page.waitForSelector('#detail pre');
  assert.match(await page.textContent('#detail pre'), /检查内容/);
  await page.close();
});

// A fictional report for the pictures of the guide (real reports stay out of the
// repository): section 三 missing, table 四's 总计 wrong.
const FICTIONAL = [
  '某某县水利局2025年政府信息公开工作年度报告',
  '本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为2025年1月1日至12月31日。',
  '一、总体情况',
  '2025年，某某县水利局围绕防汛抗旱、水资源管理等重点工作，及时公开政府信息。',
  '全年主动公开信息120条，其中工程建设信息36条。',
  '二、主动公开政府信息情况',
  '第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
  '规章\t0\t0\t0', '行政规范性文件\t2\t0\t5',
  '第二十条第（五）项', '信息内容\t本年处理决定数量', '行政许可\t48',
  '第二十条第（六）项', '信息内容\t本年处理决定数量', '行政处罚\t6', '行政强制\t0',
  '第二十条第（八）项', '信息内容\t本年收费金额（单位：万元）', '行政事业性收费\t0',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议\t行政诉讼',
  '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
  '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
  '1\t1\t0\t0\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0',
  '五、存在的主要问题及改进情况',
  '信息发布的及时性还有待提高。下一步将完善发布流程。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
  '某某县水利局',
  '2026年1月20日',
].join('\n');

test('pictures of the check page for the guide', { skip: !SHOTS && 'XXGK_SCREENSHOTS not set' }, async () => {
  const page = await context.newPage();
  await page.goto(base);
  await page.setInputFiles('#files', { name: '某某县水利局2025年报.txt', mimeType: 'text/plain', buffer: Buffer.from(FICTIONAL) });
  await page.waitForSelector('#result:not([hidden]) .finding');
  assert.ok(await page.locator('#report .placeholder').count() >= 1, 'the missing section 三 has its placeholder');
  await page.locator('#findings .finding.error').last().click();
  await page.waitForTimeout(1500);
  await shoot(page, 'check-report');
  await page.close();
});

test('several files get a summary table; a broken one is a row, and the server goes on', async () => {
  const page = await context.newPage();
  await page.goto(base);
  await page.setInputFiles('#files', [
    { name: '损坏.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004broken') },
    { name: '报告.txt', mimeType: 'text/plain', buffer: Buffer.from('某某县水利局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n') },
  ]);
  await page.waitForSelector('#batch:not([hidden]) #summary tbody tr:nth-child(2)');
  const rows = await page.locator('#summary tbody tr').allTextContents();
  assert.match(rows[0], /未能读取/);
  assert.match(rows[1], /某某县水利局/);
  await page.close();
});

const cell = (page, key) => page.locator(`td[data-cell="${key}"] input`);

test('a blank 2021 form: a wrong total is marked with what it should be, and the mark goes when corrected; the Word file reads back to the same cells', async () => {
  const page = await context.newPage();
  await page.goto(`${base}fill`);
  await shoot(page, 'fill-empty');
  await page.fill('#year', '2021');
  await page.selectOption('#kind', 'department');
  await page.fill('#agency', '某某县水利局');
  await page.click('#start button[type=submit]');
  await page.waitForSelector('td[data-cell] input');
  assert.equal(await page.locator('td[data-cell] input').count(), 200, 'the 2021 form has 200 cells');
  const upheld = '四,行政复议,结果维持';
  const total = '四,行政复议,总计';
  const totalCell = page.locator(`td[data-cell="${total}"]`);
  await cell(page, upheld).fill('1');
  for (const result of ['结果纠正', '其他结果', '尚未审结']) await cell(page, `四,行政复议,${result}`).fill('0');
  await cell(page, total).fill('2');
  await page.waitForSelector(`td[data-cell="${total}"].mark-error .expected`);
  assert.equal(await totalCell.locator('.expected').textContent(), '应为 1');
  await page.fill('textarea[data-section="overview"]', '本年度，某某县水利局认真贯彻落实政府信息公开条例。');
  // The text written, section 一 is no longer marked empty.
  await page.waitForFunction(() => {
    const section = document.querySelector('#form section[data-pointer="/sections/overview"]');
    return section && !section.classList.contains('mark');
  });
  await page.locator(`td[data-cell="${total}"]`).scrollIntoViewIfNeeded();
  await shoot(page, 'fill-form');
  await cell(page, total).fill('1');
  await page.waitForFunction((key) => {
    const td = document.querySelector(`td[data-cell="${key}"]`);
    return td && !td.classList.contains('mark-error') && !td.querySelector('.expected');
  }, total);
  // The draft survives a reload.
  await page.reload();
  await page.waitForSelector('td[data-cell] input');
  assert.equal(await cell(page, total).inputValue(), '1');
  assert.equal(await cell(page, upheld).inputValue(), '1');
  // Download the Word file, load it back: the same cells.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#tools button[data-to="docx"]'),
  ]);
  assert.match(download.suggestedFilename(), /某某县水利局2021年政府信息公开工作年度报告\.docx$/);
  const saved = join(profile, 'downloaded.docx');
  await download.saveAs(saved);
  await page.fill('#agency', '');
  await page.setInputFiles('#load', saved);
  await page.waitForFunction(() => document.querySelector('#agency').value === '某某县水利局');
  assert.equal(await cell(page, total).inputValue(), '1');
  assert.equal(await cell(page, upheld).inputValue(), '1');
  assert.match(await page.inputValue('textarea[data-section="overview"]'), /认真贯彻落实/);
  await page.close();
});

test('another site cannot post to the server', async () => {
  const refused = await fetch(`${base}api/check?name=a.txt`, {
    method: 'POST', body: 'x', headers: { Origin: 'http://evil.example' },
  });
  assert.equal(refused.status, 403);
});
