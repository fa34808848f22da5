// Camunda's webapps as a user meets them: the login page, the header, notifications.

const APPS = { tasklist: 'tasklist', cockpit: 'cockpit', admin: 'admin', welcome: 'welcome' };

/**
 * Signs in on Camunda's own login page (the embedded default's demo users). Answers whether the app opened, and
 * the notification shown when it did not (a user without access to the app stays on the login page).
 */
export async function signIn(page, { app = 'tasklist', user, password = user }) {
  await page.goto(`/camunda/app/${APPS[app]}/default/`);
  // the login form is Angular's: typed into before it has settled, a field can lose or double its text
  await page.waitForLoadState('networkidle');
  const name = page.locator('input[ng-model=username]');
  const secret = page.locator('input[ng-model=password]');
  for (let attempt = 0; attempt < 3; attempt++) {
    await name.fill(user);
    await secret.fill(password);
    if (await name.inputValue() === user && await secret.inputValue() === password) {
      break;
    }
  }
  await page.locator('button[type=submit]').click();
  const signedIn = page.locator('[cam-widget-header] .account, [cam-widget-header] .dropdown-toggle .glyphicon-user');
  const refused = page.locator('.notifications .alert');
  await signedIn.or(refused).first().waitFor({ state: 'visible' });
  if (await signedIn.count() > 0 && await signedIn.first().isVisible()) {
    return { opened: true, title: await page.title(), header: await header(page) };
  }
  return { opened: false, notifications: await notificationTexts(page) };
}

/** What the header bar says: the product's name, the red banners it carries. */
async function header(page) {
  const brand = (await page.locator('[cam-widget-header] .navbar-brand').first().innerText()).trim();
  const banners = [];
  for (const banner of await page.locator('.ce-eol-banner').all()) {
    if (await banner.isVisible()) {
      banners.push((await banner.innerText()).trim());
    }
  }
  return { brand, banners };
}

export async function notificationTexts(page) {
  const texts = [];
  for (const alert of await page.locator('.notifications .alert').all()) {
    texts.push((await alert.innerText()).replace(/^×\s*/, '').replace(/\s+/g, ' ').trim());
  }
  return texts;
}

/** Closes the notifications shown, as a user clicks their ×. */
export async function dismissNotifications(page) {
  for (const close of await page.locator('.notifications .alert button.close:visible').all()) {
    await close.click();
  }
  await page.locator('.notifications .alert').first().waitFor({ state: 'detached' });
}
