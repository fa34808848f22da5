// Drives Debian's Chromium through the steps a test hands over on stdin, as a user would: signing in, clicking,
// typing. Prints one JSON line with each step's result. On a failed step it saves a screenshot of what the user
// saw (target/browser/<scenario>-<step>.png) and exits with 1.
//
// stdin: {"baseUrl": "http://127.0.0.1:8080", "scenario": "approve-in-tasklist", "steps": [{"do": "signIn", ...}]}
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as camunda from './steps/camunda.mjs';
import * as tasklist from './steps/tasklist.mjs';
import * as cockpit from './steps/cockpit.mjs';
import * as keycloak from './steps/keycloak.mjs';
import * as webui from './steps/webui.mjs';
import * as handover from './steps/handover.mjs';

/** What the user sees now, saved as target/browser/<scenario>-<name>.png (for the docs, or to look at). */
async function screenshot(page, { name }) {
  const shot = path.join(screenshots, `${input.scenario}-${name}.png`);
  await page.screenshot({ path: shot });
  return { path: shot };
}

const actions = { ...camunda, ...tasklist, ...cockpit, ...keycloak, ...webui, ...handover, screenshot };
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const screenshots = path.resolve(process.env.KIS_BROWSER_SCREENSHOTS ?? '../../../target/browser');
fs.mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.KIS_CHROMIUM ?? '/usr/bin/chromium',
  // the machine's network is closed: Chromium's own background connections would only fail, many at a time
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--lang=ko-KR'],
});
// Each person in the scenario has a browser context of their own (cookies, storage); "as" switches between
// them, so that one scenario can show a salesperson's page while an approver decides in Tasklist.
const contexts = {};
// Each person's clicks, as their pages saw them (trusted clicks only: what a user's hand would have done), kept in
// the tab's sessionStorage as they happen, so that a click that leaves the page (a link) is counted too; the
// "count" step reads them, for budgets such as time to quote.
const COUNT_CLICKS = () => document.addEventListener('click', (event) => {
  if (event.isTrusted) {
    sessionStorage.setItem('kis.clicks', String(Number(sessionStorage.getItem('kis.clicks') ?? 0) + 1));
  }
}, true);
// Each page's requests still waiting for an answer, and its last answers of 400 or more: a failed step names them,
// so that a page that never finished loading says which request it waited for.
const network = new WeakMap();
function watch(page) {
  const seen = { pending: new Map(), errors: [] };
  const short = (request) => `${request.method()} ${request.url().split('?')[0]}`;
  page.on('request', (request) => seen.pending.set(request, Date.now()));
  page.on('requestfinished', (request) => seen.pending.delete(request));
  page.on('requestfailed', (request) => {
    seen.pending.delete(request);
    seen.errors.push(`${short(request)} failed: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      seen.errors.push(`${short(response.request())} ${response.status()}`);
    }
  });
  network.set(page, { ...seen, short });
}
function networkOf(page) {
  const seen = network.get(page);
  if (!seen) {
    return {};
  }
  const now = Date.now();
  return {
    pending: [...seen.pending.entries()].map(([request, since]) => `${seen.short(request)} for ${now - since} ms`),
    errors: seen.errors.slice(-10),
  };
}
async function pageOf(who) {
  if (!contexts[who]) {
    const context = await browser.newContext({
      baseURL: input.baseUrl, locale: 'ko-KR', timezoneId: 'Asia/Seoul',
      viewport: input.viewport ?? { width: 1400, height: 1000 },
    });
    context.setDefaultTimeout(input.timeoutMs ?? 20000);
    await context.addInitScript(COUNT_CLICKS);
    contexts[who] = await context.newPage();
    watch(contexts[who]);
  }
  return contexts[who];
}

/** A parameter "${step.field}" takes that field of the named step's latest result (a number only known then). */
function resolved(step, results) {
  return Object.fromEntries(Object.entries(step).map(([key, value]) => {
    const reference = typeof value === 'string' && value.match(/^\$\{(\w+)\.(\w+)\}$/);
    if (!reference) {
      return [key, value];
    }
    const earlier = results.findLast((result) => result.do === reference[1]);
    return [key, earlier?.[reference[2]]];
  }));
}

let who = 'main';
let page = await pageOf(who);
const results = [];
let failure = null;
for (const [index, step] of input.steps.entries()) {
  try {
    const started = Date.now();
    if (step.do === 'as') {
      who = step.who;
      page = await pageOf(who);
      results.push({ do: 'as', who, ms: Date.now() - started });
      continue;
    }
    if (step.do === 'count') {
      const clicks = Number(await page.evaluate(() => sessionStorage.getItem('kis.clicks') ?? 0));
      results.push({ do: 'count', who, clicks, at: Date.now() });
      continue;
    }
    const action = actions[step.do];
    if (!action) {
      throw new Error(`no such step: ${step.do}`);
    }
    results.push({ do: step.do, ...(await action(page, resolved(step, results), input) ?? {}), ms: Date.now() - started });
  } catch (error) {
    const shot = path.join(screenshots, `${input.scenario}-${String(index + 1).padStart(2, '0')}-${step.do}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    failure = { step: index + 1, do: step.do, params: step, error: String(error?.message ?? error).split('\n')[0],
      url: page.url(), screenshot: shot, network: networkOf(page) };
    break;
  }
}
await browser.close();
process.stdout.write(JSON.stringify({ results, failure }) + '\n');
process.exit(failure ? 1 : 0);
