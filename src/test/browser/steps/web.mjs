// Steps any page has.

export async function goto(page, { path }) {
  const response = await page.goto(path);
  return { status: response?.status() ?? null, url: page.url() };
}

export async function text(page, { selector }) {
  return { text: (await page.locator(selector).first().innerText()).trim() };
}

export async function click(page, { text: label, exact = true }) {
  await page.getByText(label, { exact }).first().click();
}

export async function screenshot(page, { path, fullPage = false }) {
  await page.screenshot({ path, fullPage });
}

/** Waits for the text to appear anywhere on the page. */
export async function see(page, { text: wanted, timeoutMs }) {
  await page.getByText(wanted).first().waitFor({ state: 'visible', timeout: timeoutMs });
}
