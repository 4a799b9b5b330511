// End to end: the files people actually have (issue #11). The whole import
// corpus (tests/import_corpus: spreadsheet exports in their real encodings
// and line ends, workbooks, numbers and codes as people write them) is
// dropped on the page at once; each file must load with the expected record
// count or be refused with exactly the messages of expectations.json, in
// English and, after switching, in Portuguese. Then the same files are picked
// while the code lists are still on their way (answered 4 s late): they wait,
// say so, and are all checked once the code lists arrive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, expected, DIST, drop } from './harness.mjs';

const CORPUS = new URL('../import_corpus/', import.meta.url).pathname;
const EXPECT = JSON.parse(readFileSync(join(CORPUS, 'expectations.json'), 'utf8'));
const FILES = readdirSync(CORPUS).filter((n) => EXPECT[n]).sort().map((n) => [n, readFileSync(join(CORPUS, n))]);

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


const rowOf = (page, name) => page.locator('li.user-file', { hasText: name });

/** Waits for every file's outcome and checks it against expectations.json in `lang`. */
async function checkOutcomes(page, lang) {
  for (const [name] of FILES) {
    const want = EXPECT[name];
    const row = rowOf(page, name);
    if (want.outcome === 'loaded') {
      await row.getByTestId('user-records').waitFor({ timeout: 20000 });
      assert.equal(await row.getByTestId('user-records').innerText(), expected(String(want.records.length)), name);
    } else {
      await row.getByTestId('user-rejected').waitFor({ timeout: 20000 });
    }
    const messages = want.messages[lang];
    const text = messages.length ? await row.getByTestId('problems').innerText() : '';
    for (const m of messages) {
      assert.ok(text.includes(expected(m)), `${name} (${lang}): missing\n  ${m}\nin\n${text}`);
    }
    if (want.keep_valid?.kept > 0) {
      const n = want.keep_valid.dropped;
      const button = await row.getByTestId('keep-valid').innerText();
      const one = want.keep_valid.kept === 1;
      const label = lang === 'en'
        ? (one ? `Keep the valid record and leave out ${n}` : `Keep the ${want.keep_valid.kept} valid records and leave out ${n}`)
        : (one ? `Manter o registo válido e deixar de fora ${n}` : `Manter os ${want.keep_valid.kept} registos válidos e deixar de fora ${n}`);
      assert.equal(button, label, name);
    }
  }
}

test('the whole import corpus dropped at once: each file loads or is refused with its exact messages, in en and pt', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}?lang=en`);
  await page.getByTestId('file-labour_market').waitFor();
  await drop(page, FILES);
  await checkOutcomes(page, 'en');
  // Nothing says JSON about a CSV file, nor places a CSV problem by a JSON path.
  for (const [name] of FILES.filter(([n]) => /\.(csv|txt)$/.test(n))) {
    const text = await rowOf(page, name).innerText();
    assert.doesNotMatch(text, /JSON|\$\./, name);
  }
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'pt' || document.documentElement.lang === 'pt-PT');
  await checkOutcomes(page, 'pt');
  assert.deepEqual(errors, []);
  await context.close();
});

test('files picked before the code lists arrive wait for them, then are all checked', async () => {
  server.overrides.set('/data/codes.json', { body: readFileSync(join(DIST, 'data', 'codes.json')), delay: 4000 });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}?lang=en&page=data`);
    const input = page.getByTestId('file-input');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles(FILES.map(([name, buffer]) => ({ name, mimeType: 'application/octet-stream', buffer })));
    // Queued while the code lists are on their way, and saying so.
    const waiting = page.getByTestId('user-checking').filter({ hasText: 'waiting for the code lists' });
    await waiting.first().waitFor({ timeout: 3000 });
    // Then every file is checked: none stays pending.
    await checkOutcomes(page, 'en');
    assert.equal(await page.getByTestId('user-checking').count(), expected(0));
    await context.close();
  } finally {
    server.overrides.delete('/data/codes.json');
  }
});
