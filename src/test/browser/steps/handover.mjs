// A pause in the user's steps while the test does something to the servers (kills a replica): the browser and its
// page stay as they are, the way a user's would while they read the task.
import fs from 'node:fs';
import path from 'node:path';

/** Says "<name>.reached" in {@code dir}, then waits until the test writes "<name>.go" there. */
export async function handOver(page, { dir, name, timeoutMs = 600000 }) {
  fs.writeFileSync(path.join(dir, `${name}.reached`), page.url());
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(path.join(dir, `${name}.go`))) {
    if (Date.now() > deadline) {
      throw new Error(`the test did not hand the browser back after ${name} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: page.url() };
}
