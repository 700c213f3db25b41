/**
 * How English reads times at a festival: the way people of its region read them every day,
 * told by its timezone. In Europe that is a 24-hour clock (en-GB; Ireland's en-IE is 24-hour
 * too), and Europe and anywhere unlisted keep en-GB. In the Americas, Australia and New Zealand
 * staff read a 12-hour clock with am/pm everywhere else in their lives (set times, rotas, their
 * phones), so there a "21:59" reads like a military time and invites misreading at a glance;
 * they get their region's. Each of these writes numbers as en-GB does (1,234.5), so only times differ.
 */
export function englishLocaleOf(timezone: string): string {
  if (timezone === 'Europe/Dublin') return 'en-IE';
  // Canada included: en-CA's "9:59 p.m." and en-US's "9:59 PM" read alike, and a list of its zones costs first-load bytes.
  if (timezone.startsWith('America/')) return 'en-US';
  if (timezone.startsWith('Australia/')) return 'en-AU';
  if (timezone === 'Pacific/Auckland' || timezone === 'Pacific/Chatham') return 'en-NZ';
  return 'en-GB';
}
