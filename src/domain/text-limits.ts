/**
 * The longest text a person may type into each field, in characters (UTF-16 code units, as
 * both zod and the browser's `maxlength` count them). A change holding more is refused; the
 * phone's field stops there first, so nobody meets that refusal.
 */
export const textLimits = {
  summary: 200,
  location: 200,
  details: 4000,
  note: 4000,
  toldAttendee: 2000,
  resolution: 2000,
  handoverNote: 1000,
  voidReason: 500,
  marks: 1000,
  clothing: 500,
} as const;
