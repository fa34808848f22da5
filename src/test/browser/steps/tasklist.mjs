// Camunda Tasklist as an approver uses it: filters, the task list, claiming, the task's form, Complete.
import { dismissNotifications, notificationTexts } from './camunda.mjs';

export async function openFilter(page, { name }) {
  await page.locator('.task-filter').filter({ hasText: name }).first().click();
  await page.locator('.task-filter.active').filter({ hasText: name }).waitFor();
  await page.waitForLoadState('networkidle');
  return tasks(page);
}

/** The names of the tasks in the list, as the list shows them before any is opened. */
export async function tasks(page) {
  await page.waitForLoadState('networkidle');
  // the list renders after its request: wait for tasks, or for Tasklist saying there are none
  await page.locator('.tasks-list li.task').or(page.getByText('No task matching filters found.')).first().waitFor();
  const items = [];
  for (const item of await page.locator('.tasks-list li.task').all()) {
    items.push({
      name: (await item.locator('h4.task').innerText()).trim(),
      details: (await item.innerText()).replace(/\s+/g, ' ').trim(),
    });
  }
  return { tasks: items };
}

export async function openTask(page, { name }) {
  await page.locator('.tasks-list li.task').filter({ hasText: name }).first().locator('h4.task a').click();
  await page.locator('.task-details h2, [cam-tasklist-task] .names h2').filter({ hasText: name }).first().waitFor();
  await page.locator('.fjs-container, [cam-tasklist-form] form').first().waitFor();
  await page.waitForLoadState('networkidle');
  return formState(page);
}

export async function claim(page) {
  await page.locator('[cam-tasklist-task]').getByText('Claim', { exact: true }).click();
  await page.locator('[cam-tasklist-task] .assignee').first().waitFor();
  await page.waitForLoadState('networkidle');
  return formState(page);
}

export async function choose(page, { label }) {
  await page.locator('.fjs-container').getByLabel(label, { exact: true }).check();
  return formState(page);
}

/**
 * Ticks or clears a checkbox, found by its label, or by how its label starts (the options of a checklist read
 * "2. ACB-3P-800 × 7 EA — …"); {@code nth} picks among boxes with the same label.
 */
export async function tick(page, { label, startsWith, checked = true, nth = 0 }) {
  const box = startsWith
    ? page.locator('.fjs-container label').filter({ hasText: new RegExp('^\\s*' + startsWith.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .locator('input[type=checkbox]').nth(nth)
    : page.locator('.fjs-container').getByLabel(label, { exact: true }).nth(nth);
  await box.setChecked(checked);
  return formState(page);
}

export async function type(page, { label, text: value, nth = 0 }) {
  const field = page.locator('.fjs-container').getByLabel(label, { exact: true }).nth(nth);
  await field.fill(String(value));
  await field.blur();
  return formState(page);
}

/**
 * Clicks Complete and waits for Tasklist's answer: the task leaves the view, or a notification says why not.
 */
export async function complete(page) {
  // an earlier refusal's notification covers the button: the user closes it first
  await dismissNotifications(page);
  const button = page.locator('[cam-tasklist-task] button', { hasText: 'Complete' });
  const answer = page.waitForResponse(response => /\/task\/[^/]+\/submit-form$/.test(new URL(response.url()).pathname));
  answer.catch(() => {}); // a click that fails is the error to report, not the wait for its answer
  await button.click();
  // the form's own validation stops a submission before it is sent, and says why under the field
  const invalid = page.locator('.fjs-container .fjs-form-field-error:not(:empty)').first();
  const first = await Promise.race([answer, invalid.waitFor().then(() => null)]);
  if (first === null) {
    return { status: null, ...(await formState(page)) };
  }
  if (first.ok()) {
    await page.locator('.fjs-container').first().waitFor({ state: 'detached' });
  } else {
    await page.locator('.notifications .alert').first().waitFor();
  }
  return { status: first.status(), notifications: await notificationTexts(page) };
}

/**
 * What the form shows: each field's label and value, the validation messages, and whether Complete can be
 * clicked. Radios and checkboxes read as the label of what is chosen.
 */
export async function formState(page) {
  const fields = {};
  for (const field of await page.locator('.fjs-container .fjs-form-field').all()) {
    // all… reads what is there without waiting: a text block has no label
    const label = ((await field.locator('.fjs-form-field-label').allInnerTexts())[0] ?? '').replace(/\*$/, '').trim();
    if (!label) {
      continue;
    }
    const inputs = field.locator('input:not([type=radio]):not([type=checkbox]), textarea, select');
    if (await inputs.count() > 0) {
      fields[label] = await inputs.first().inputValue();
      continue;
    }
    const chosen = [];
    for (const option of await field.locator('label:has(input:checked)').all()) {
      chosen.push((await option.innerText()).trim());
    }
    fields[label] = chosen.join(', ');
  }
  const errors = [];
  for (const error of await page.locator('.fjs-container .fjs-form-field-error').all()) {
    const message = (await error.innerText()).trim();
    if (message) {
      errors.push(message);
    }
  }
  // fields form-js holds invalid, shown to the user or not yet (it marks them before a message appears)
  const invalid = [];
  for (const input of await page.locator('.fjs-container [aria-invalid=true]').all()) {
    invalid.push({ id: await input.getAttribute('id'), value: await input.inputValue().catch(() => null) });
  }
  const button = page.locator('[cam-tasklist-task] button', { hasText: 'Complete' });
  const completeEnabled = await button.count() > 0 && await button.first().isEnabled();
  return { fields, errors, invalid, completeEnabled, notifications: await notificationTexts(page) };
}
