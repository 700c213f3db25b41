import { openDiskPhotoStore } from './disk-photo-store';
import type { PhotoStoreConfig } from './photo-config';
import type { PhotoStore } from './photo-store';

/**
 * The photo store a configuration names, checked. The S3 store (and with it the AWS SDK, several
 * megabytes of code) is imported only when S3 is configured.
 */
export async function openPhotoStore(config: PhotoStoreConfig, warn: (message: string) => void): Promise<PhotoStore> {
  const store =
    config.kind === 'disk' ? openDiskPhotoStore(config.dir) : (await import('./s3-photo-store')).openS3PhotoStore(config);
  try {
    const warning = await store.check();
    if (warning) warn(warning);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
