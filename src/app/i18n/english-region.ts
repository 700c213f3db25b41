/** Timezones of Canada, whose English writes "9:59 p.m." rather than the US "9:59 PM". */
const canada = new Set(
  [
    'Blanc-Sablon',
    'Cambridge_Bay',
    'Creston',
    'Dawson',
    'Dawson_Creek',
    'Edmonton',
    'Fort_Nelson',
    'Glace_Bay',
    'Goose_Bay',
    'Halifax',
    'Inuvik',
    'Iqaluit',
    'Moncton',
    'Rankin_Inlet',
    'Regina',
    'Resolute',
    'St_Johns',
    'Swift_Current',
    'Toronto',
    'Vancouver',
    'Whitehorse',
    'Winnipeg',
  ].map((city) => `America/${city}`),
);

/**
 * How English reads times at a festival: the way people of its region read them every day,
 * told by its timezone. In Europe that is a 24-hour clock (en-GB; Ireland's en-IE is 24-hour
 * too), and Europe and anywhere unlisted keep en-GB. In the Americas, Australia and New Zealand
 * staff read a 12-hour clock with am/pm everywhere else in their lives (set times, rotas, their
 * phones), so there a "21:59" reads like a military time and invites misreading at a glance;
 * they get their own. Each of these writes numbers as en-GB does (1,234.5), so only times differ.
 */
export function englishLocaleOf(timezone: string): string {
  if (timezone === 'Europe/Dublin') return 'en-IE';
  if (canada.has(timezone)) return 'en-CA';
  if (timezone.startsWith('America/')) return 'en-US';
  if (timezone.startsWith('Australia/')) return 'en-AU';
  if (timezone === 'Pacific/Auckland' || timezone === 'Pacific/Chatham') return 'en-NZ';
  return 'en-GB';
}
