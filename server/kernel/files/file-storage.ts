import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file contents live. Disk storage is the default; an object store can take its place behind
 * the same interface so that several app processes share the files.
 */
export interface FileStorage {
  put(bytes: Buffer): Promise<string>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

/** Files in a folder outside the web root, under generated names, two levels of fan-out. */
export class DiskStorage implements FileStorage {
  constructor(readonly root: string) {}

  #pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('not a storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Buffer): Promise<string> {
    const key = randomUUID();
    const file = this.#pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: 'wx' });
    return key;
  }

  read(key: string): Readable {
    return createReadStream(this.#pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true });
  }
}
