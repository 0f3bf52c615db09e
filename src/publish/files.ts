import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FileFacts {
  bytes: number;
  /** Frictionless v2 form: `sha256:<hex>`. */
  hash: string;
}

export async function fileFacts(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: (await stat(path)).size, hash: `sha256:${hash.digest('hex')}` };
}
