// Keycloak's own login pages, as users meet them when the webapps sign in through Keycloak (the prod profile).

const HEADER = '[cam-widget-header] li.account';

/**
 * Opens a webapp, which sends the browser to Keycloak's login page; gives the password, then the TOTP code when
 * Keycloak asks for one, and waits for the webapp. Answers the pages Keycloak showed and the user the webapp
 * shows in its header.
 */
export async function keycloakSignIn(page, { app = 'tasklist', user, password = user, otp }) {
  await page.goto(`/camunda/app/${app}/default/`);
  const header = page.locator(HEADER);
  const pages = await atKeycloak(page, { user, password, otp, landed: header });
  return { pages, url: page.url(), user: (await header.locator('a.dropdown-toggle').innerText()).trim() };
}

/**
 * The sales web UI's sign-in in production: on the UI's sign-in page (where a page that needs a user sent the
 * browser) the Keycloak button, then Keycloak's pages, then back in the UI, signed in.
 */
export async function keycloakSignInUi(page, { user, password = user, otp }) {
  await page.getByRole('link', { name: /Keycloak/ }).click();
  const signOut = page.getByRole('button', { name: /로그아웃|Sign out/ });
  const pages = await atKeycloak(page, { user, password, otp, landed: signOut });
  return { pages, url: page.url(), user: (await page.getByTestId('signed-in-user').innerText()).trim() };
}

/** Keycloak's password page, then its TOTP page if it asks; waits until {@code landed} shows. */
async function atKeycloak(page, { user, password, otp, landed }) {
  const pages = [await keycloakPage(page)];
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  const otpField = page.locator('#otp');
  await otpField.or(landed).first().waitFor();
  if (await otpField.isVisible()) {
    pages.push(await keycloakPage(page));
    if (!otp) {
      throw new Error('Keycloak asked for a TOTP code and the step has none');
    }
    await otpField.fill(otp);
    await page.locator('#kc-login').click();
  }
  await landed.waitFor();
  return pages;
}

/** "Log out" from the user menu in the webapp's header; answers where the browser went and ended up. */
export async function signOut(page) {
  // the addresses the browser went through, to show where a sign-out that failed ended up
  const visited = [];
  page.on('response', response => {
    if (response.request().isNavigationRequest()) {
      visited.push(`${response.status()} ${response.url().split('?')[0]}`);
    }
  });
  await page.locator(`${HEADER} a.dropdown-toggle`).click();
  await page.locator(`${HEADER} li.logout a`).click();
  await page.waitForURL(url => !url.pathname.startsWith('/camunda/'), { timeout: 20000 }).catch(() => {});
  await page.locator('#username').or(page.locator(HEADER)).first().waitFor();
  return { url: page.url(), visited, onKeycloakLogin: await page.locator('#username').isVisible() };
}

/**
 * Opens a webapp again: answers whether it opened straight away or Keycloak asked for the password first. Once in
 * CI (issue 22's Tasklist drill) Tasklist stayed on its loading spinner after a replica's restart, its scripts
 * refused by the page's Content-Security-Policy; cause not found. Then the page is loaded once more, as a user
 * would, and the answer says so with what the first load had: its CSP header and its scripts' nonces.
 */
export async function openApp(page, { app = 'tasklist' }) {
  const response = await page.goto(`/camunda/app/${app}/default/`);
  const opened = page.locator('#username').or(page.locator(HEADER)).first();
  let firstLoad = null;
  try {
    await opened.waitFor({ timeout: 20000 });
  } catch (stuck) {
    firstLoad = {
      status: response?.status(),
      csp: response?.headers()['content-security-policy'],
      nonces: await page.evaluate(() => [...document.scripts].map(script => script.nonce)),
    };
    await page.reload();
    await opened.waitFor();
  }
  return { url: page.url(), onKeycloakLogin: await page.locator('#username').isVisible(), firstLoad };
}

/** Which of Keycloak's pages this is: its form's fields, its heading, its address without the query. */
async function keycloakPage(page) {
  await page.locator('#kc-login').waitFor();
  const url = new URL(page.url());
  const fields = await page.locator('form input:not([type=hidden])').evaluateAll(
    inputs => inputs.map(input => input.name).filter(Boolean));
  const heading = (await page.locator('h1').first().innerText().catch(() => '')).trim();
  return { host: url.host, path: url.pathname, heading, fields };
}

/** Follows the UI's Keycloak sign-in link: answers whether Keycloak asked for the password or let the user in. */
export async function keycloakLinkUi(page) {
  await page.getByRole('link', { name: /Keycloak/ }).click();
  const signOut = page.getByRole('button', { name: /로그아웃|Sign out/ });
  await page.locator('#username').or(signOut).first().waitFor();
  return { url: page.url(), onKeycloakLogin: await page.locator('#username').isVisible() };
}
