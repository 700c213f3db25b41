import type { PhotoSyncState } from '../../db/photo-repository';
import { formatPercent } from '../format';
import { t } from '../i18n/messages';

/** Where a photo is, in words (never in colour alone). */
export function photoStateText(state: PhotoSyncState): string {
  switch (state.kind) {
    case 'phone-only':
      return state.problem ? t('On this phone only: {problem}', { problem: state.problem }) : t('On this phone only');
    case 'uploading':
      return t('Uploading {share}', { share: formatPercent(state.percent / 100) });
    case 'on-server':
      return t('On the server');
  }
}
