import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertPhotoHash, type PhotoStore } from './photo-store';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Makes a rename or an unlink in the folder survive a power cut, not only the file's bytes. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Photos in a folder, `<dir>/ab/<hash>` (256 subfolders keep each one small). Photos of
 * attendees are personal data: files are readable by the server's user only (0600) in folders
 * only it can open (0700). A file is written to a temporary name, synced, then renamed, so a
 * crash never leaves half a photo under a hash.
 */
export function openDiskPhotoStore(dir: string): PhotoStore {
  const fileOf = (hash: string) => {
    assertPhotoHash(hash);
    return join(dir, hash.slice(0, 2), hash);
  };
  const has = async (hash: string) => {
    try {
      await stat(fileOf(hash));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };
  return {
    description: `disk ${dir}`,
    async check() {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      try {
        await access(dir, constants.W_OK);
      } catch {
        throw new Error(`The photo folder ${dir} cannot be written to by this server (set HELPTENT_PHOTO_DIR to one it can).`);
      }
      return null;
    },
    async put(hash, bytes) {
      const file = fileOf(hash);
      if (await has(hash)) return;
      const folder = dirname(file);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw error;
      }
      await syncFolder(folder);
    },
    has,
    async get(hash) {
      try {
        return await readFile(fileOf(hash));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(hash) {
      const file = fileOf(hash);
      try {
        await unlink(file);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      await syncFolder(dirname(file));
    },
    async close() {},
  };
}
