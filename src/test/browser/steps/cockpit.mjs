// Camunda Cockpit as operations use it.

/**
 * Opens a process definition's page, as ops reach it from the dashboard, and answers the BPMN element ids its
 * diagram drew (bpmn-js marks each drawn element with data-element-id).
 */
export async function diagram(page, { definitionId }) {
  // from another definition's page only the URL's fragment would change, and the old diagram stay on screen
  await page.goto('about:blank');
  await page.goto(`/camunda/app/cockpit/default/#/process-definition/${definitionId}/runtime`);
  const canvas = page.locator('.djs-container').first();
  await canvas.waitFor();
  await page.locator('.djs-container [data-element-id]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const drawn = await page.locator('.djs-container [data-element-id]').evaluateAll(
    elements => [...new Set(elements.map(element => element.getAttribute('data-element-id')))]);
  return { drawn };
}
