import { useEffect, useState } from 'preact/hooks';
import type { ContactPromptProps } from './contact-prompt';

type PromptModule = typeof import('./contact-prompt');
let loaded: PromptModule | undefined;

/** Cheap first look: an @ or eight digits. The detector itself loads only then. */
const mayHoldContact = (text: string) => /@|(?:\d\D{0,3}){8}/.test(text);

/**
 * The contact prompt for the logging form, which is in the phone's first load: its detector
 * and its buttons load the first time something like an email or a phone number is typed. The
 * live region is there from the start, so what appears in it is announced.
 */
export function LazyContactPrompt(props: ContactPromptProps) {
  const wanted = props.sources.some((source) => mayHoldContact(source.text));
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (wanted && !module) {
      void import('./contact-prompt').then((m) => {
        loaded = m;
        setModule(m);
      });
    }
  }, [wanted, module]);
  return (
    <div class="contact-prompt" role="status">
      {module && <module.ContactPromptBody {...props} />}
    </div>
  );
}
