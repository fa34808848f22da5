// Steps in the sales web UI (src/main/webapp), as a salesperson meets it on a desktop or a phone.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Opens a path of the UI (a deep link) and reports what the page shows and whether it scrolls sideways. */
export async function openUi(page, { path }) {
  const response = await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('heading', { level: 2 }).or(page.getByRole('alert')).first().waitFor();
  return {
    status: response.status(),
    url: page.url(),
    lang: await page.evaluate(() => document.documentElement.lang),
    h1: await page.getByRole('heading', { level: 1 }).innerText(),
    h2: await page.getByRole('heading', { level: 2 }).allInnerTexts(),
    alert: await page.getByRole('alert').allInnerTexts(),
    sidewaysScroll: await page.evaluate(() => document.documentElement.scrollWidth
      > document.documentElement.clientWidth),
  };
}

/** Goes to a page through the menu (behind the burger on a phone), as a user would. */
export async function navigate(page, { label }) {
  const burger = page.getByRole('button', { name: /메뉴 열기|Open the menu/ });
  if (await burger.isVisible()) {
    await burger.click();
  }
  const link = page.getByRole('navigation').getByRole('link', { name: label });
  await link.click();
  await page.getByRole('heading', { level: 2, name: label }).waitFor();
  const box = await link.boundingBox();
  return { url: page.url(), linkHeight: box?.height ?? 0 };
}

/** Clicks a button by its visible name. */
export async function press(page, { name }) {
  await page.getByRole('button', { name }).click();
  return { lang: await page.evaluate(() => document.documentElement.lang) };
}

/** axe-core's check of the page as it is now: the serious and critical violations. */
export async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return {
    passes: result.passes.length,
    violations: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })),
  };
}

/**
 * Signs in on the UI's sign-in page (where a page that needs a user sent the browser); {@code expect} is
 * 'signedIn' or 'refused', what the user waits to see.
 */
export async function signInUi(page, { user, password, expect = 'signedIn' }) {
  await page.getByRole('heading', { level: 2, name: /로그인|Sign in/ }).waitFor();
  await page.getByLabel(/아이디|User name/).fill(user);
  await page.getByLabel(/비밀번호|Password/).fill(password);
  await page.getByRole('button', { name: /^(로그인|Sign in)$/ }).click();
  const signOut = page.getByRole('button', { name: /로그아웃|Sign out/ });
  const refused = page.getByRole('alert');
  await (expect === 'signedIn' ? signOut : refused).waitFor();
  return {
    url: page.url(),
    signedIn: await signOut.isVisible(),
    alert: await refused.allInnerTexts(),
  };
}

/** Signs out with the header's button and waits for the sign-in page. */
export async function signOutUi(page) {
  await page.getByRole('button', { name: /로그아웃|Sign out/ }).click();
  await page.getByRole('heading', { level: 2, name: /로그인|Sign in/ }).waitFor();
  return { url: page.url() };
}

/**
 * Writes a new estimate as a salesperson does: a customer and products found by typing part of their names, the
 * server's price preview read off the page, then saved. Reports what the preview showed and where the save led.
 */
export async function writeEstimate(page, { customer, customerOption, lines }) {
  await page.getByRole('link', { name: /새 견적|New estimate/ }).click();
  await page.getByRole('heading', { level: 2, name: /새 견적|New estimate/ }).waitFor();
  await pick(page, /^(고객|Customer)$/, customer, customerOption);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (index > 0) {
      await page.getByRole('button', { name: /품목 추가|Add a line/ }).click();
    }
    await pick(page, new RegExp(`^(제품|Product) ${index + 1}$`), line.search, line.option);
    await page.getByTestId(`quantity-${index}`).fill(String(line.quantity));
    if (line.discount) {
      await page.getByTestId(`discountRate-${index}`).fill(String(line.discount));
    }
  }
  const preview = page.getByTestId('preview');
  // the preview follows the typing: wait until it prices every line
  await preview.getByTestId('price-lines').locator('tbody tr').nth(lines.length - 1).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]')?.getAttribute('aria-busy') === 'false');
  const shown = {
    lines: await preview.getByTestId('price-lines').locator('tbody tr').count(),
    total: await preview.getByTestId('total').innerText(),
    words: await preview.getByTestId('total-in-words').innerText(),
    sidewaysScroll: await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
  };
  await page.getByTestId('save').click();
  await page.waitForURL(/\/estimates\/\d+$/);
  const number = await page.getByTestId('estimate-number').innerText();
  return {
    ...shown,
    url: page.url(),
    number,
    status: await page.getByTestId('status').innerText(),
    savedTotal: await page.getByTestId('total').innerText(),
  };
}

/** Types into a searching picker and chooses the option the server found. */
async function pick(page, label, text, option) {
  // the label names the input and, while open, its list of options too
  const input = page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label })).first();
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).click();
}

/** Searches the estimate list as typed into its search box, and reports the numbers it then lists. */
export async function searchEstimates(page, { text }) {
  await navigate(page, { label: /^(견적|Estimates)$/ });
  await page.getByLabel(/검색|Search/).fill(text);
  await page.waitForURL((url) => url.searchParams.get('q') === text);
  // the list shows the last answer while the new one loads: wait for the search's own
  await page.waitForFunction((searched) => {
    const results = document.querySelector('[data-testid="estimate-results"]');
    return results?.dataset.searched === searched && results.getAttribute('aria-busy') === 'false';
  }, text);
  await page.getByTestId('estimate-list').or(page.getByText(/조건에 맞는 견적이 없습니다|No estimate matches/)).waitFor();
  const list = page.getByTestId('estimate-list');
  return {
    url: page.url(),
    numbers: await list.isVisible() ? await list.locator('tbody tr td:first-child').allInnerTexts() : [],
  };
}

/**
 * The price preview's round trips as the editor makes them (the session's cookie and CSRF header, from the page,
 * a different quantity each time), and beside them, as the baseline of the same run, a call that does no work (GET /api/v1/health).
 */
export async function timePreview(page, { body, times }) {
  return page.evaluate(async ({ request, count }) => {
    const token = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '');
    const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': token };
    const timed = async (call) => {
      const started = performance.now();
      const response = await call();
      await response.text();
      return { ms: performance.now() - started, status: response.status };
    };
    const preview = [];
    const baseline = [];
    for (let i = 0; i < count; i += 1) {
      baseline.push(await timed(() => fetch('/api/v1/health', { headers })));
      // a new quantity each round, as typing makes it: no round is answered from the quote cache
      const typed = { ...request, items: request.items.map((item, line) => (line === 0 ? { ...item, quantity: item.quantity + i } : item)) };
      preview.push(await timed(() => fetch('/api/v1/estimates/preview', { method: 'POST', headers, body: JSON.stringify(typed) })));
    }
    return { preview, baseline };
  }, { request: body, count: times });
}

/** From asking for a page to the moment its content can be used: a full load of a deep link, as after a bookmark. */
export async function timeToInteractive(page, { path, testId }) {
  const started = Date.now();
  await page.goto(path);
  await page.getByTestId(testId).waitFor();
  return { ms: Date.now() - started, url: page.url() };
}

/** Presses one of the estimate page's buttons and waits for the status to move, or for the refusal. */
export async function estimateStep(page, { name }) {
  const status = page.getByTestId('estimate-number').locator('xpath=..').getByTestId('status');
  const before = await status.innerText();
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  await page.waitForFunction(
    (was) => document.querySelector('[data-testid="step-refused"]')
      || document.querySelector('[data-testid="estimate-number"]')?.parentElement
        ?.querySelector('[data-testid="status"]')?.textContent !== was,
    before,
  );
  const refused = page.getByTestId('step-refused');
  return { before, status: await status.innerText(), refused: await refused.isVisible() ? await refused.innerText() : null };
}

/** Records the outcome of a sent estimate: won, or lost with its reason. */
export async function recordOutcome(page, { outcome, reason }) {
  await page.getByText(outcome, { exact: true }).click();
  if (reason) {
    await page.getByLabel(/사유|Reason|Why/).fill(reason);
  }
  return estimateStep(page, { name: /^(기록|Record)$/ });
}

/** What the estimate page shows: status, the approval's waiting levels and decisions, history, score, the PDF. */
export async function readEstimate(page) {
  await page.getByTestId('estimate-number').waitFor();
  // the history reloads beside the status after every change: read it once it has
  await page.locator('[data-testid="history"][aria-busy="false"]').waitFor();
  const texts = async (locator) => (await locator.count() ? locator.allInnerTexts() : []);
  const download = page.getByTestId('pdf-download');
  await download.waitFor();
  const pdf = await page.evaluate(async (href) => {
    const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
    return { size: bytes.length, magic: String.fromCharCode(...bytes.slice(0, 5)) };
  }, await download.getAttribute('href'));
  await page.getByTestId('win-probability').or(page.getByTestId('win-score').getByText(/모델 점수|No model/)).waitFor();
  const status = page.getByTestId('estimate-number').locator('xpath=..').getByTestId('status');
  if (/^(승인 요청|Submitted)$/.test(await status.innerText())) {
    // the approval process opens its level a moment after the submission
    await page.getByTestId('approval-waiting').waitFor();
  }
  return {
    url: page.url(),
    number: await page.getByTestId('estimate-number').innerText(),
    status: await status.innerText(),
    waiting: await texts(page.getByTestId('approval-waiting')),
    decisions: await texts(page.getByTestId('approval-decisions').locator('tbody tr')),
    history: await texts(page.getByTestId('history').locator('.mantine-Timeline-itemTitle')),
    winProbability: await texts(page.getByTestId('win-probability')),
    pdf: { ...pdf, fileName: await download.getAttribute('download') },
    actions: await texts(page.getByRole('main').getByRole('button')),
    sidewaysScroll: await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
  };
}

/** The moment now, to measure from (after another person's action, say). */
export async function mark() {
  return { at: Date.now() };
}

/**
 * Waits, without reloading, until the estimate page shows the status: the page learns of the change by itself.
 * Reports when it showed it, and whether the page was reloaded meanwhile (it must not have been).
 */
export async function waitForStatus(page, { status, timeoutMs = 20000 }) {
  const loadedAt = await page.evaluate(() => performance.timeOrigin);
  await page.getByTestId('estimate-number').locator('xpath=..').getByTestId('status')
    .filter({ hasText: new RegExp(`^${status}$`) }).waitFor({ timeout: timeoutMs });
  return {
    at: Date.now(),
    reloaded: (await page.evaluate(() => performance.timeOrigin)) !== loadedAt,
    waiting: await page.getByTestId('approval-waiting').count(),
    decisions: await page.getByTestId('approval-decisions').locator('tbody tr').allInnerTexts(),
  };
}

const MEDIA_TYPES = { '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.tif': 'image/tiff' };
const DOCUMENT_STATUS = { RECEIVED: '읽는 중', OCR_DONE: '품목 찾는 중', EXTRACTED: '검토 대기', REVIEWED: '검토 완료',
  FAILED: '읽지 못함' };

/**
 * Drags a file from the desktop onto the RFQ page's drop zone (a drop event carrying the file, as the browser
 * makes one), then watches the new document's card, without reloading, until it shows {@code until}. Answers the
 * statuses the card went through and when.
 */
export async function dropRfq(page, { file, until = 'EXTRACTED', timeoutMs = 90000 }) {
  const { readFileSync } = await import('node:fs');
  const { basename, extname } = await import('node:path');
  const loadedAt = await page.evaluate(() => performance.timeOrigin);
  const dataTransfer = await page.evaluateHandle(({ base64, name, type }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type }));
    return transfer;
  }, { base64: readFileSync(file).toString('base64'), name: basename(file), type: MEDIA_TYPES[extname(file)] });
  const started = Date.now();
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/ocr/process');
  await page.getByTestId('rfq-drop').dispatchEvent('drop', { dataTransfer });
  const uploaded = await answer;
  const accepted = await uploaded.json();
  const card = page.locator(`[data-testid="document"][data-id="${accepted.documentId}"]`);
  const seen = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await card.getByTestId('document-status').innerText().catch(() => null);
    if (shown && seen.at(-1)?.status !== shown) {
      seen.push({ status: shown, ms: Date.now() - started });
    }
    if (shown === DOCUMENT_STATUS[until] || shown === DOCUMENT_STATUS.FAILED || Date.now() > deadline) {
      break;
    }
    await page.waitForTimeout(100);
  }
  return {
    documentId: accepted.documentId,
    httpStatus: uploaded.status(),
    seen,
    status: seen.at(-1)?.status,
    reviewLink: await card.getByTestId('review-link').getAttribute('href').catch(() => null),
    reloaded: (await page.evaluate(() => performance.timeOrigin)) !== loadedAt,
    sidewaysScroll: await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
  };
}

/**
 * Follows the newest document's review link into Tasklist; signs in there when Camunda's own login asks (the
 * embedded default: the webapps have their own sign-in), and waits for the review's form.
 */
export async function followReviewLink(page, { user, password = user }) {
  await page.locator('[data-testid="document"][data-latest="true"]').getByTestId('review-link').click();
  const form = page.locator('.fjs-container, [cam-tasklist-form] form').first();
  const login = page.locator('input[ng-model=username]');
  await form.or(login).first().waitFor();
  const loginAsked = await login.isVisible();
  if (loginAsked) {
    await page.waitForLoadState('networkidle');
    await login.fill(user);
    await page.locator('input[ng-model=password]').fill(password);
    await page.locator('button[type=submit]').click();
    await form.waitFor();
  }
  await page.waitForLoadState('networkidle');
  return {
    url: page.url(),
    loginAsked,
    task: (await page.locator('.task-details h2, [cam-tasklist-task] .names h2').first().innerText()).trim(),
  };
}

/** Opens the draft estimate a document's review made, from its card (the page learns of it live). */
export async function openDraftFromRfq(page, { documentId, timeoutMs = 30000 }) {
  const link = page.locator(`[data-testid="document"][data-id="${documentId}"]`).getByTestId('estimate-link');
  await link.waitFor({ timeout: timeoutMs });
  await link.click();
  await page.getByTestId('estimate-number').waitFor();
  return { url: page.url(), number: await page.getByTestId('estimate-number').innerText() };
}

/** The menu's links, as the signed-in user sees them (behind the burger on a phone: their names all the same). */
export async function menu(page) {
  const links = page.getByRole('navigation').getByRole('link');
  return { links: (await links.allTextContents()).map((text) => text.trim()) };
}

/**
 * Imports an ERP export file on the ERP page: chooses the file, presses Import, and waits for the import's result
 * (its state badge) with the counts and the rejected rows as the page lists them.
 */
export async function importErpFile(page, { file, timeoutMs = 60000 }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('erp-file').click()]);
  await chooser.setFiles(file);
  await page.getByRole('button', { name: /^(가져오기|Import)$/ }).click();
  const result = page.getByTestId('import-result');
  await result.getByTestId('import-state').filter({ hasText: /^(완료|실패|검토 대기|Completed|Failed|Waiting for review)$/ })
    .waitFor({ timeout: timeoutMs });
  const rows = result.getByTestId('rejected-rows').locator('tbody tr');
  return {
    state: await result.getByTestId('import-state').innerText(),
    counts: await result.getByTestId('import-counts').innerText(),
    rejected: (await rows.count()) ? await rows.allInnerTexts() : [],
    sources: await page.getByTestId('erp-source').allInnerTexts(),
    sidewaysScroll: await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
  };
}

/** On an estimate's page: keeps its lines as a template under a name. */
export async function saveAsTemplate(page, { name }) {
  await page.getByRole('button', { name: /템플릿으로 저장|Save as template/ }).click();
  await page.getByLabel(/템플릿 이름|Template name/).fill(name);
  await page.getByRole('button', { name: /^(저장|Save)$/ }).click();
  await page.getByTestId('template-saved').waitFor();
  return { saved: await page.getByTestId('template-saved').innerText() };
}

/**
 * Starts an estimate from a template as a salesperson does: the templates page through the menu, the template's
 * button, then only the customer chosen and the estimate saved. Answers the lines the editor started with.
 */
export async function estimateFromTemplate(page, { template, customer, customerOption }) {
  await navigate(page, { label: /^(템플릿|Templates)$/ });
  const card = page.getByTestId('template-card').filter({ has: page.getByRole('heading', { name: template }) });
  await card.getByTestId('use-template').click();
  await page.getByRole('heading', { level: 2, name: /새 견적|New estimate/ }).waitFor();
  await page.getByTestId('line-0').waitFor();
  const lines = await page.locator('[data-testid^="line-"]').count();
  await pick(page, /^(고객|Customer)$/, customer, customerOption);
  await page.getByTestId('preview').getByTestId('price-lines').locator('tbody tr').nth(lines - 1).waitFor();
  await page.getByTestId('save').click();
  await page.waitForURL(/\/estimates\/\d+$/);
  return {
    editorLines: lines,
    url: page.url(),
    number: await page.getByTestId('estimate-number').innerText(),
    savedTotal: await page.getByTestId('total').innerText(),
  };
}

/**
 * Waits, without reloading, until the estimate page warns that its prices went stale (an ERP import changed them),
 * then re-prices with the warning's one button; answers the totals before and after and whether the page reloaded.
 */
export async function repriceStale(page, { timeoutMs = 30000 }) {
  const loadedAt = await page.evaluate(() => performance.timeOrigin);
  const warning = page.getByTestId('stale-prices');
  await warning.waitFor({ timeout: timeoutMs });
  const warnedAt = Date.now();
  const before = await page.getByTestId('total').innerText();
  await warning.getByRole('button', { name: /재계산|Re-price/ }).click();
  await warning.waitFor({ state: 'detached' });
  return {
    warnedAt,
    reloaded: (await page.evaluate(() => performance.timeOrigin)) !== loadedAt,
    before,
    after: await page.getByTestId('total').innerText(),
    sidewaysScroll: await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
  };
}

/** An attribute of the first element a CSS selector finds (hidden ones too: a file input behind its button). */
export async function attribute(page, { selector, name }) {
  const element = page.locator(selector).first();
  await element.waitFor({ state: 'attached' });
  return { value: await element.getAttribute(name) };
}

/** The person's network goes away (a train's tunnel, a dropped Wi-Fi): their browser context is offline. */
export async function goOffline(page) {
  await page.context().setOffline(true);
  return { at: Date.now() };
}

/** The network comes back. */
export async function goOnline(page) {
  await page.context().setOffline(false);
  return { at: Date.now() };
}
