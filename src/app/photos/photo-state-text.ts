import type { PhotoSyncState } from '../../db/photo-repository';

/** Where a photo is, in words (never in colour alone). */
export function photoStateText(state: PhotoSyncState): string {
  switch (state.kind) {
    case 'phone-only':
      return state.problem ? `On this phone only: ${state.problem}` : 'On this phone only';
    case 'uploading':
      return `Uploading ${state.percent}%`;
    case 'on-server':
      return 'On the server';
  }
}
