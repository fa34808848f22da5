// Keycloak's own login pages, as users meet them when the webapps sign in through Keycloak (the prod profile).

const HEADER = '[cam-widget-header] li.account';

/**
 * Opens a webapp, which sends the browser to Keycloak's login page; gives the password, then the TOTP code when
 * Keycloak asks for one, and waits for the webapp. Answers the pages Keycloak showed and the user the webapp
 * shows in its header.
 */
export async function keycloakSignIn(page, { app = 'tasklist', user, password = user, otp }) {
  await page.goto(`/camunda/app/${app}/default/`);
  const pages = [await keycloakPage(page)];
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  const otpField = page.locator('#otp');
  const header = page.locator(HEADER);
  await otpField.or(header).first().waitFor();
  if (await otpField.isVisible()) {
    pages.push(await keycloakPage(page));
    if (!otp) {
      throw new Error('Keycloak asked for a TOTP code and the step has none');
    }
    await otpField.fill(otp);
    await page.locator('#kc-login').click();
  }
  await header.waitFor();
  return { pages, url: page.url(), user: (await header.locator('a.dropdown-toggle').innerText()).trim() };
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

/** Opens a webapp again: answers whether it opened straight away or Keycloak asked for the password first. */
export async function openApp(page, { app = 'tasklist' }) {
  await page.goto(`/camunda/app/${app}/default/`);
  await page.locator('#username').or(page.locator(HEADER)).first().waitFor();
  return { url: page.url(), onKeycloakLogin: await page.locator('#username').isVisible() };
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
