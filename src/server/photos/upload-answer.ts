import { AppError } from '../../domain/app-error';
import type { UploadState } from '../../domain/photo-protocol';

/**
 * A refusal that also tells the phone where the upload stands (photo-protocol.ts): 409 for a
 * chunk at the wrong offset (resume from `state.received`), 422 for a file whose bytes are not
 * what its hash and type say (nothing was kept: start again at 0).
 */
export class UploadRefusal extends AppError {
  constructor(
    readonly status: 409 | 422,
    message: string,
    readonly state: UploadState,
  ) {
    super(status === 409 ? 'invalid-transition' : 'invalid', message);
  }

  /** An error body (sync-protocol's errorBodySchema) that is also an UploadState. */
  body(): { error: ReturnType<AppError['toData']> } & UploadState {
    return { error: this.toData(), ...this.state };
  }
}
