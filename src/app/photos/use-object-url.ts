import { useEffect, useState } from 'preact/hooks';

/**
 * A blob: URL for a stored picture, revoked when the picture or the component goes. Keyed by
 * the file's hash: a live query hands out a new Blob handle on every change to the database,
 * and the picture on screen must not be reloaded for each.
 */
export function useObjectUrl(blob: Blob | null, key: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const present = blob !== null;
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [key, present]);
  return url;
}
