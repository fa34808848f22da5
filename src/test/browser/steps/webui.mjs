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
