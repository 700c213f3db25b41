import type { Issue } from './issue';

export function isFinishedCase(issue: Pick<Issue, 'lostPerson' | 'status' | 'voided'>): boolean {
  return (
    issue.lostPerson !== undefined &&
    (issue.lostPerson.state === 'reunited' ||
      issue.status === 'closed' ||
      issue.status === 'resolved' ||
      issue.voided !== undefined)
  );
}

/**
 * What phones receive of a finished case: the description and the reunion's collector taken out
 * (every free text of the issue keeps what staff wrote). The server keeps its full record.
 */
export function withoutFinishedDescription(issue: Issue): Issue {
  if (!issue.lostPerson || !isFinishedCase(issue) || issue.lostPerson.description === null) return issue;
  const reunion = issue.lostPerson.reunion;
  return {
    ...issue,
    // A photo of the person goes with the description.
    ...(issue.photos ? { photos: [] } : {}),
    lostPerson: {
      ...issue.lostPerson,
      description: null,
      reunion: reunion ? { ...reunion, collectedBy: '', idLast4: '' } : null,
    },
  };
}
