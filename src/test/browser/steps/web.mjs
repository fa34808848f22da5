// Steps any page has.

export async function goto(page, { path }) {
  const response = await page.goto(path);
  return { status: response?.status() ?? null, url: page.url() };
}

export async function screenshot(page, { path, fullPage = false }) {
  await page.screenshot({ path, fullPage });
}

