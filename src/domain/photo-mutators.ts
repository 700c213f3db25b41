import type { Issue } from './issue';
import type { MutationArgs } from './mutation-args';
import { type MutationContext, withEntry } from './mutation-context';
import { maxPhotosPerIssue } from './photo';
import { say } from './phrase';
import { refusal } from './refusal';

function attachPhoto(issue: Issue, args: MutationArgs<'attachPhoto'>, ctx: MutationContext): Issue {
  const photos = issue.photos ?? [];
  if (photos.some((photo) => photo.id === args.photo.id)) return issue;
  if (photos.length >= maxPhotosPerIssue) {
    throw refusal('invalid', say('This issue already holds {max} photos, the most one issue keeps.', { max: maxPhotosPerIssue }));
  }
  const photo = { ...args.photo, at: ctx.now, by: { id: ctx.actor.id, name: ctx.actor.name } };
  return withEntry({ ...issue, photos: [...photos, photo] }, ctx, 'fields', say('Added a photo'));
}

function removePhoto(issue: Issue, args: MutationArgs<'removePhoto'>, ctx: MutationContext): Issue {
  const photos = issue.photos ?? [];
  if (!photos.some((photo) => photo.id === args.photoId)) return issue;
  return withEntry(
    { ...issue, photos: photos.filter((photo) => photo.id !== args.photoId) },
    ctx,
    'fields',
    say('Removed a photo'),
  );
}

export const photoMutators = { attachPhoto, removePhoto };
