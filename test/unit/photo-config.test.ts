import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

describe('photo storage configuration', () => {
  it('keeps photos beside the SQLite database by default', () => {
    expect(loadConfig({}, '/srv/helptent').photos).toEqual({ kind: 'disk', dir: '/srv/helptent/data/photos' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/ht/db.sqlite' }, '/srv').photos).toEqual({
      kind: 'disk',
      dir: '/var/lib/ht/photos',
    });
    expect(loadConfig({ HELPTENT_PHOTO_DIR: 'pictures' }, '/srv').photos).toEqual({ kind: 'disk', dir: '/srv/pictures' });
  });

  it('on PostgreSQL, uses S3 or the folder it is given, and none without either', () => {
    const postgres = { DATABASE_URL: 'postgres://db/helptent' };
    expect(loadConfig(postgres, '/srv').photos).toBeNull();
    expect(loadConfig({ ...postgres, HELPTENT_PHOTO_DIR: '/mnt/shared/photos' }, '/srv').photos).toEqual({
      kind: 'disk',
      dir: '/mnt/shared/photos',
    });
    expect(() => loadConfig({ ...postgres, HELPTENT_PHOTO_STORE: 'disk' }, '/srv')).toThrow(/HELPTENT_PHOTO_DIR/);
  });

  it('reads every S3 variable', () => {
    const photos = loadConfig(
      {
        DATABASE_URL: 'postgres://db/helptent',
        HELPTENT_S3_BUCKET: 'festival-photos',
        HELPTENT_S3_REGION: 'auto',
        HELPTENT_S3_ENDPOINT: 'https://account.r2.example.com',
        HELPTENT_S3_ACCESS_KEY_ID: 'key',
        HELPTENT_S3_SECRET_ACCESS_KEY: 'secret',
        HELPTENT_S3_FORCE_PATH_STYLE: '1',
        HELPTENT_S3_PREFIX: 'helptent/photos/',
      },
      '/srv',
    ).photos;
    expect(photos).toEqual({
      kind: 's3',
      bucket: 'festival-photos',
      region: 'auto',
      endpoint: 'https://account.r2.example.com',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
      prefix: 'helptent/photos/',
    });
    // Without keys, the AWS SDK's own chain (instance roles, AWS_* variables) applies.
    expect(loadConfig({ HELPTENT_S3_BUCKET: 'festival-photos' }, '/srv').photos).toEqual({
      kind: 's3',
      bucket: 'festival-photos',
      region: 'us-east-1',
      forcePathStyle: false,
      prefix: '',
    });
  });

  it('stops the start with a sentence naming the variable that cannot work', () => {
    expect(() => loadConfig({ HELPTENT_PHOTO_STORE: 's3' }, '/srv')).toThrow(/HELPTENT_S3_BUCKET/);
    expect(() => loadConfig({ HELPTENT_PHOTO_STORE: 'ftp' }, '/srv')).toThrow(/HELPTENT_PHOTO_STORE/);
    expect(() => loadConfig({ HELPTENT_S3_BUCKET: 'bucket', HELPTENT_S3_ACCESS_KEY_ID: 'key' }, '/srv')).toThrow(
      /HELPTENT_S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ HELPTENT_S3_BUCKET: 'bucket', HELPTENT_S3_ENDPOINT: 'minio:9000' }, '/srv')).toThrow(
      /HELPTENT_S3_ENDPOINT/,
    );
    expect(() => loadConfig({ HELPTENT_S3_BUCKET: 'bucket', HELPTENT_S3_FORCE_PATH_STYLE: 'yes' }, '/srv')).toThrow(
      /HELPTENT_S3_FORCE_PATH_STYLE/,
    );
    expect(() => loadConfig({ HELPTENT_S3_BUCKET: 'bucket', HELPTENT_S3_PREFIX: '/photos' }, '/srv')).toThrow(
      /HELPTENT_S3_PREFIX/,
    );
  });
});
