/** Snapshots of a body written into the test's DOM (happy-dom), for the snapshot tests. */
import { afterEach } from 'vitest';
import { buildSnapshot } from '../../../src/engine/snapshot';
import type { PageSnapshot } from '../../../src/engine/types';

/** The snapshot of a page whose body is `body`, as the walk reads it at `url`. */
export function readBody(body: string, url = 'https://shop.example/'): PageSnapshot {
  document.body.innerHTML = body;
  return buildSnapshot(document, url);
}

/** Empties the body after each test of the calling file, so no test sees another's page. */
export function emptyBodyAfterEach(): void {
  afterEach(() => {
    document.body.innerHTML = '';
  });
}
