import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SLICE_FILE } from './load.js';

/** Identifies the contract a recording or report was made against. */
export function sliceSha256(): string {
  return createHash('sha256').update(readFileSync(SLICE_FILE)).digest('hex');
}
