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

/** Cockpit's dashboard, the first page ops see: the counts under "Right Now". */
export async function dashboard(page) {
  await page.goto('about:blank');
  await page.goto('/camunda/app/cockpit/default/#/dashboard');
  await page.getByText('Open Incidents').first().waitFor();
  await page.waitForLoadState('networkidle');
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  const count = label => Number((text.match(new RegExp(`${label} (\\d+)`)) ?? [])[1]);
  return { runningInstances: count('Running Process Instances'), openIncidents: count('Open Incidents') };
}

/**
 * A process's open incidents as ops reach them: Processes, the process's key, the Incidents tab. Answers each
 * row's message, process instance and activity.
 */
export async function incidents(page, { processKey }) {
  await page.goto('about:blank');
  await page.goto('/camunda/app/cockpit/default/#/processes');
  await page.getByRole('link', { name: processKey, exact: true }).click();
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  const rows = page.locator('tr:has(a[ng-click="openJobRetryDialog(incident)"])');
  await rows.first().waitFor();
  await page.waitForLoadState('networkidle');
  const incidents = [];
  for (const row of await rows.all()) {
    const text = async selector => (await row.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
    incidents.push({ message: await text('td.message'), processInstance: await text('td.process-instance'),
      activity: await text('td.failedActivityId') });
  }
  return { incidents };
}

/** Opens the retry dialog of the incident shown for a process instance: the ↻ button of its row. */
export async function openRetry(page, { processInstanceId }) {
  const row = page.locator('tr', { has: page.locator('td.process-instance', { hasText: processInstanceId }) });
  await row.locator('a[ng-click="openJobRetryDialog(incident)"]').click();
  const dialog = page.locator('.modal-dialog');
  await dialog.locator('button[ng-click="incrementRetry()"]').waitFor();
  // the dialog fades and slides in: let its transitions end, so a screenshot shows it as the user reads it
  await dialog.evaluate(element => Promise.all(element.closest('.modal').getAnimations({ subtree: true })
    .map(animation => animation.finished)));
  return { dialog: (await dialog.locator('.modal-body').innerText()).replace(/\s+/g, ' ').trim() };
}

/** Retry in the open dialog, keeping the job's due date; answers what the dialog said, then closes it. */
export async function confirmRetry(page) {
  const dialog = page.locator('.modal-dialog');
  await dialog.locator('button[ng-click="incrementRetry()"]').click();
  const outcome = dialog.getByText('has been incremented successfully').or(dialog.getByText('could not be incremented'));
  await outcome.first().waitFor();
  const said = (await outcome.first().innerText()).replace(/\s+/g, ' ').trim();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await dialog.waitFor({ state: 'detached' });
  return { said };
}
