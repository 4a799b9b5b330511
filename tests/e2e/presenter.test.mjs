// End to end: the workshop presenter kit. A story made from three views,
// presented with the keys; the bundled story with notes, language switch and
// the speaker view; the QR code decoded back to the view's address; axe in
// presenter mode; and the slides after a reload with the network off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { serve, launch, expected, axeViolations } from './harness.mjs';

const jsQR = createRequire(import.meta.url)('jsqr');
const story = JSON.parse(readFileSync(new URL('../../data/story.json', import.meta.url), 'utf8'));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function fresh(query = '?lang=en') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(server.url + query);
  // Attached, not visible: the datasets panel is hidden while presenting.
  await page.getByTestId('file-labour_market').waitFor({ state: 'attached' });
  return { context, page };
}

const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);
// The address bar follows a change one frame later (url_sync writes history after the frame).
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20)))));
const counter = (page) => page.getByTestId('slide-counter').innerText();

test('a story made from three views is presented with the keys, each slide in its saved state', async () => {
  const { context, page } = await fresh('?lang=en&page=story');
  // Start from an empty story: remove the bundled slides.
  await page.getByTestId('slide-row').first().waitFor();
  while (await page.getByTestId('slide-remove').count()) await page.getByTestId('slide-remove').first().click();
  // View 1: the explorer, Faro, summer 2024, sector I.
  await page.goto(`${server.url}?lang=en&page=explore&area=PT-08&from=2024-06&to=2024-08&sector=I`);
  await page.getByTestId('save-slide').click();
  await page.getByTestId('slide-saved').getByText('Slide saved (1)').waitFor();
  // View 2: consultations on housing.
  await page.getByTestId('tab-consultations').click();
  await page.goto(`${server.url}?lang=en&page=consultations&theme=housing`);
  await page.getByTestId('save-slide').click();
  // View 3: the overview for Beja, 2025.
  await page.goto(`${server.url}?lang=en&area=PT-02&from=2025-01&to=2025-12`);
  await page.getByTestId('save-slide').click();
  await page.getByTestId('slide-saved').getByText('Slide saved (3)').waitFor();
  // On the story page: the three slides, the last moved up to second place, then renamed.
  await page.getByTestId('tab-story').click();
  // (The story page is drawn once its part of the wasm has arrived: ui::lazy.)
  await page.getByTestId('slide-row').first().waitFor();
  assert.equal(await page.getByTestId('slide-row').count(), 3);
  await page.getByTestId('slide-up').nth(2).click();
  await page.getByRole('textbox', { name: 'title (en)' }).first().fill('Faro in summer');
  await page.getByRole('textbox', { name: 'title (en)' }).first().press('Tab');
  // Present: slide 1 is view 1.
  await page.getByTestId('present').click();
  await page.getByTestId('presenter').waitFor();
  assert.equal(await counter(page), expected('Slide 1 / 3'));
  assert.equal(await page.getByTestId('slide-title').innerText(), 'Faro in summer');
  await settle(page);
  assert.deepEqual(params(page), { page: 'explore', lang: 'en', from: '2024-06', to: '2024-08', area: 'PT-08', sector: 'I', slide: '1' });
  assert.equal(await page.getByTestId('filter-region').inputValue(), 'PT-08');
  // → is view 3 (moved up), Space is view 2.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('slide') === '2');
  assert.deepEqual(params(page), { lang: 'en', from: '2025-01', to: '2025-12', area: 'PT-02', slide: '2' });
  // The live view stays interactive (the filters fold into a one-line summary while presenting, and
  // unfold on demand); "reset slide" returns to the saved state.
  assert.match(await page.getByTestId('filters-summary').innerText(), /^Beja · Jan 2025 – Dec 2025$/);
  await page.getByTestId('filters-toggle').click();
  await page.getByTestId('filter-region').selectOption('PT-08');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('area') === 'PT-08');
  await page.getByTestId('reset-slide').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('area') === 'PT-02');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('slide') === '3');
  assert.deepEqual(params(page), { page: 'consultations', lang: 'en', theme: 'housing', slide: '3' });
  // Home, End, PageUp, a number + Enter, Esc.
  await page.keyboard.press('Home');
  assert.equal(await counter(page), expected('Slide 1 / 3'));
  await page.keyboard.press('End');
  assert.equal(await counter(page), 'Slide 3 / 3');
  await page.keyboard.press('PageUp');
  assert.equal(await counter(page), 'Slide 2 / 3');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  assert.equal(await counter(page), 'Slide 1 / 3');
  await page.keyboard.press('Escape');
  await page.getByTestId('presenter').waitFor({ state: 'detached' });
  await settle(page);
  assert.equal(params(page).slide, undefined);
  // Export: the story file is valid JSON of kind story with the three views.
  await page.getByTestId('tab-story').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-story').click()]);
  const exported = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(exported.format, 'vagas.story');
  assert.deepEqual(exported.slides.map((s) => s.view), [
    '?page=explore&from=2024-06&to=2024-08&area=PT-08&sector=I',
    '?from=2025-01&to=2025-12&area=PT-02',
    '?page=consultations&theme=housing',
  ]);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the bundled story plays: P starts it, notes, language, and the speaker view follows', async () => {
  const { context, page } = await fresh();
  const speaker = await context.newPage();
  await speaker.goto(`${server.url}?page=speaker&lang=en`);
  await speaker.getByTestId('speaker').waitFor();
  await page.getByTestId('present-header').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="present-header"]').disabled);
  // One key from the dashboard to the first slide (fullscreen is asked for too).
  await page.keyboard.press('p');
  await page.getByTestId('presenter').waitFor();
  assert.equal(await counter(page), expected(`Slide 1 / ${story.slides.length}`));
  assert.equal(await page.getByTestId('slide-title').innerText(), story.slides[0].title.en);
  await speaker.getByTestId('speaker-notes').getByText(story.slides[0].notes.en).waitFor();
  assert.match(await speaker.getByTestId('speaker').innerText(), new RegExp(`Next: ${story.slides[1].title.en}`));
  assert.match(await speaker.getByTestId('timer').innerText(), /^\d\d:\d\d$/);
  let maxScroll = 0;
  for (let i = 2; i <= story.slides.length; i++) {
    await page.keyboard.press('PageDown');
    assert.equal(await counter(page), `Slide ${i} / ${story.slides.length}`);
    const saved = new URLSearchParams(story.slides[i - 1].view);
    // The address bar follows after the slide's frame (url_sync writes history after the next frame).
    await page.waitForURL((u) => [...saved].every(([k, v]) => u.searchParams.get(k) === v), { timeout: 5000 }).catch(() => {});
    for (const [k, v] of saved) assert.equal(params(page)[k], v, `slide ${i}: ${k}`);
    // The slide scrolls to its chart; the bar stays at the top of the screen.
    await settle(page);
    const [barTop, barBottom, focusTop, scrolled] = await page.evaluate((focus) => {
      const bar = document.querySelector('[data-testid="presenter"]').getBoundingClientRect();
      const el = focus && document.querySelector(`[data-testid="chart-${focus}"], #${focus}`);
      return [bar.top, bar.bottom, el ? el.getBoundingClientRect().top : null, scrollY];
    }, saved.get('focus'));
    assert.ok(Math.abs(barTop) < 1, `slide ${i}: the bar is at the top of the screen (top ${barTop} px, page scrolled ${scrolled} px)`);
    // …and does not cover the top of the chart the slide is about.
    if (focusTop !== null && scrolled > 0) assert.ok(focusTop >= barBottom - 1, `slide ${i}: its chart starts at ${focusTop} px, under the bar's ${barBottom} px`);
    maxScroll = Math.max(maxScroll, scrolled);
  }
  assert.ok(maxScroll > 100, `a slide scrolled the page to its chart (at most ${maxScroll} px)`);
  await speaker.getByTestId('speaker-notes').getByText(story.slides.at(-1).notes.en).waitFor();
  // A speaker view opened during the presentation shows the current slide at once.
  const late = await context.newPage();
  await late.goto(`${server.url}?page=speaker&lang=en`);
  await late.getByTestId('speaker-notes').getByText(expected(story.slides.at(-1).notes.en)).waitFor({ timeout: 5000 });
  await late.close();
  // A presenting window that closes leaves the speaker view waiting, not on its last slide.
  const other = await context.newPage();
  await other.goto(`${server.url}?slide=2&lang=en`);
  await other.getByTestId('presenter').waitFor();
  await speaker.getByTestId('speaker-notes').getByText(story.slides[1].notes.en).waitFor({ timeout: 5000 });
  await other.close({ runBeforeUnload: true });
  await speaker.waitForFunction(() => !document.querySelector('[data-testid="speaker-notes"]'), null, { timeout: 5000 });
  // Notes on the main screen; L switches to Portuguese on the same slide.
  await page.keyboard.press('n');
  assert.equal(await page.getByTestId('notes').innerText(), story.slides.at(-1).notes.en);
  await page.keyboard.press('l');
  await page.getByTestId('slide-title').getByText(story.slides.at(-1).title.pt).waitFor();
  await settle(page);
  assert.equal(params(page).slide, String(story.slides.length));
  assert.equal(await page.getByTestId('notes').innerText(), story.slides.at(-1).notes.pt);
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Slide 7's Portuguese title takes two lines at 1280×720: a taller bar must not cover its chart.
test('a slide opened by its address scrolls its chart below the bar, whatever the bar\'s height', async () => {
  for (const lang of ['pt', 'en']) {
    const { context, page } = await fresh(`?slide=7&lang=${lang}`);
    await page.getByTestId('slide-counter').getByText(/ [1-9]/).waitFor();
    await page.waitForTimeout(600); // the second scroll, after the charts' own re-layout
    const [barTop, barBottom, focusTop, scrolled] = await page.evaluate(() => {
      const bar = document.querySelector('[data-testid="presenter"]').getBoundingClientRect();
      return [bar.top, bar.bottom, document.querySelector('#official-figures').getBoundingClientRect().top, scrollY];
    });
    assert.ok(scrolled > 100, `${lang}: the page scrolled to the official figures (${scrolled} px)`);
    assert.ok(Math.abs(barTop) < 1, `${lang}: the bar is at the top (${barTop} px)`);
    assert.equal(focusTop >= barBottom - 1, expected(true), `${lang}: the official figures start at ${focusTop} px, under the bar's ${barBottom} px`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('while presenting, a filter change leaves the page where it is; back on a slide without a chart, the page is at its top', async () => {
  const { context, page } = await fresh('?slide=2&lang=en');
  await page.waitForFunction(() => /2 \/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));
  await page.waitForTimeout(600); // the slide's scroll to its chart, and the second one
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.filters-toggle').click();
  const sector = page.getByTestId('filter-sector');
  await sector.selectOption('A01');
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => scrollY), expected(0), 'a filter change while presenting does not scroll the page to the slide\'s chart');
  assert.equal(new URL(page.url()).searchParams.get('sector'), 'A01');
  // Slide 2 names a chart; slide 1 does not: stepping back shows slide 1's page from the top.
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => window.scrollTo(0, 800));
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /1 \/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => scrollY), expected(0), 'slide 1 shows its page from the top');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a slide shows the same series colours reached from the slide before as opened by its address', async () => {
  const strokes = (page) => page.evaluate(() => [...document.querySelectorAll('#svg-series path[stroke]')].map((p) => p.getAttribute('stroke')).join());
  const direct = await fresh('?slide=4&lang=en');
  await direct.page.waitForFunction(() => document.querySelectorAll('#svg-series path[stroke]').length === 3);
  const want = await strokes(direct.page);
  await direct.context.close();
  // Slide 3 compares Portugal and Faro; slide 4 compares Faro, Beja and Setúbal.
  const { context, page } = await fresh('?slide=3&lang=en');
  await page.waitForFunction(() => /3 \/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));
  await page.getByTestId('chart-rank-occupations').locator('g.bar-row').first().waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelectorAll('#svg-series path[stroke]').length === 3);
  await settle(page);
  assert.equal(await strokes(page), expected(want), 'slide 4 reached from slide 3 has the colours of slide 4 opened directly');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the QR code decodes to the current view, and presenter mode passes axe', async () => {
  const { context, page } = await fresh('?lang=en&slide=2');
  await page.getByTestId('presenter').waitFor();
  // The slide's view applies once the story has loaded (the bar can be there before it, saying so).
  await page.waitForFunction(() => /2 \/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));
  await settle(page);
  await page.keyboard.press('q');
  await page.getByTestId('qr').waitFor();
  // Rasterise the QR code's SVG in the page and decode it here with jsQR.
  const img = await page.evaluate(async () => {
    const svg = document.getElementById('svg-qr');
    const markup = new XMLSerializer().serializeToString(svg);
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400; canvas.height = 400;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0, 400, 400);
    return Array.from(ctx.getImageData(0, 0, 400, 400).data);
  });
  const code = jsQR(Uint8ClampedArray.from(img), 400, 400);
  assert.ok(code, 'the QR code decodes');
  await settle(page);
  const shown = new URL(page.url());
  shown.searchParams.delete('slide');
  assert.equal(code.data, expected(shown.href));
  assert.equal(await page.getByTestId('qr-url').innerText(), code.data);
  // Opening the decoded address shows the same view, not the presentation.
  const phone = await context.newPage();
  await phone.goto(code.data);
  await phone.getByTestId('filter-region').waitFor();
  assert.equal(await phone.getByTestId('presenter').count(), 0);
  await phone.waitForFunction(() => document.querySelector('[data-testid="filter-region"]')?.value === 'PT-08');
  // Served from 127.0.0.1, which no phone in the room can open: the dialog says so, and a public
  // address typed there replaces the loopback origin in the code (kept for the next time).
  await page.getByTestId('qr-loopback').waitFor();
  // …in words the presenter sees, and the whole panel fits the 1280×720 screen.
  assert.match(await page.getByTestId('qr-loopback').innerText(), expected(/no phone in the room can open it/));
  const [panelBottom, urlBottom, height] = await page.evaluate(() => [
    document.querySelector('[data-testid="qr"]').getBoundingClientRect().bottom,
    document.querySelector('[data-testid="qr-url"]').getBoundingClientRect().bottom, innerHeight]);
  assert.ok(panelBottom <= height && urlBottom <= panelBottom, `the QR panel ends at ${panelBottom} px, its address at ${urlBottom} px, in ${height} px`);
  await page.getByTestId('qr-public-url').fill('https://example.org/vagas');
  await page.getByTestId('qr-public-url').press('Enter');
  const publicUrl = `https://example.org/vagas/${shown.search}`;
  await page.waitForFunction((want) => document.querySelector('[data-testid="qr-url"]')?.textContent === want, publicUrl);
  assert.equal(await page.getByTestId('qr-loopback').count(), 0);
  // axe-core on the presenter with notes and the QR code open.
  await page.keyboard.press('n');
  assert.deepEqual(await axeViolations(page), expected([]));
  // The panel closes by its own button too (on a phone it covers the bar's QR button).
  await page.getByTestId('qr-close').click();
  assert.equal(await page.getByTestId('qr').count(), 0);
  // The projector theme: body text of at least 24 px at 1280×720.
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(size >= 24, `body font ${size}px`);
  await context.close();
});

test('offline after one visit: a reload still shows the dashboard, the slides and the data the user loaded', async () => {
  const own = await serve();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${own.url}?lang=en`);
  await page.getByTestId('file-labour_market').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  try {
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 5000 });
  } catch {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 5000 });
  }
  // A dataset of the user's own, loaded while online.
  const mine = readFileSync(new URL('../corpus/lm_valid.json', import.meta.url), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'mine.json'));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, mine);
  await page.getByTestId('user-saved').getByText('kept in this browser').waitFor();
  await own.close();
  await context.setOffline(true);
  await page.goto(`${own.url}?lang=en&slide=3`);
  await page.getByTestId('slide-title').getByText(story.slides[2].title.en).waitFor();
  assert.equal(await page.getByTestId('slide-title').innerText(), expected(story.slides[2].title.en));
  await page.getByTestId('offline').waitFor();
  assert.match(await page.getByTestId('offline').innerText(), /^offline — showing data from \d{4}-\d{2}/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await counter(page), `Slide 4 / ${story.slides.length}`);
  await page.getByTestId('chart-series').waitFor();
  // The user's dataset came back from the browser's storage and was checked again, offline.
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('user-records').innerText(), '3');
  await context.close();
});
