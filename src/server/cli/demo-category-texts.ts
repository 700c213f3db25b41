/**
 * What staff type for each category, as templates: {item}, {amount}, {act}, {person}, {spot},
 * {zone}, {time}, {bus}, {stall}, {ref} are filled in per issue (see demo-vocabulary.ts).
 */
export interface CategoryTexts {
  summaries: string[];
  details: string[];
  notes: string[];
  told: string[];
  resolutions: string[];
  /** Resolution when the desk could not finish it tonight and someone follows up. */
  followUpResolutions?: string[];
  tags?: string[];
}

export const categoryTexts: Record<string, CategoryTexts> = {
  'lost-property': {
    summaries: [
      'Lost {item} near {zone}',
      'Lost {item}',
      '{item} lost at {spot}',
      'Found {item}, owner looking for it',
      'Lost {item} during {act}',
    ],
    details: [
      'Last seen at {spot} around {time}. Black case with a sticker on the back.',
      'Thinks it fell out of a pocket during {act}. Has checked the bar already.',
      'Friend had it in a tote bag; bag gone after {time}. Bag is green with a festival patch.',
      'Attendee retraced steps with a friend; nothing at {spot}.',
    ],
    notes: [
      'Checked the lost & found box at the info tent: not there yet.',
      'Radioed the bar team at {spot}; they will look after the rush.',
      'Cleaning crew asked to keep an eye out near {spot}.',
      'Security at the gate checked their found items: nothing matching.',
    ],
    told: [
      'Lost & found at the info tent is open until 03:00 and again from 10:00. We will email if it is handed in.',
      'Told them to block the bank card now and to come back after the headliner.',
      'Gave the lost & found reference {ref}; check the website list after the festival.',
    ],
    resolutions: [
      'Found at {spot} and returned to the attendee.',
      'Handed in at lost & found; attendee picked it up with ID.',
      'Friend had it all along.',
    ],
    followUpResolutions: ['Logged in the lost & found register as {ref}; we contact the attendee when it turns up.'],
    tags: ['phone', 'id-document', 'keys'],
  },
  'lost-person': {
    summaries: [
      'Lost {person} near {zone}',
      'Looking for {person}',
      'Separated from {person} after {act}',
      'Cannot find {person}, phone dead',
    ],
    details: [
      'Last seen at {spot} around {time}. Wearing a yellow rain poncho.',
      'Agreed meeting point was {spot}, nobody there. No phone signal for 30 minutes.',
      'Described: about 1.30 m, blue cap, wristband on left arm.',
    ],
    notes: [
      'Description sent over the radio to all stewards.',
      'Security team checking {spot}.',
      'Stage manager asked to keep the screen message ready.',
      'Welfare tent informed in case they turn up there.',
    ],
    told: [
      'Asked them to wait at the info tent so we can reunite them here.',
      'Told them stewards have the description and we will call them here.',
    ],
    resolutions: [
      'Reunited at the info tent.',
      'Found at {spot} by a steward and brought to the info tent.',
      'Called in: they met at the car park.',
    ],
    tags: ['child', 'minor', 'vulnerable'],
  },
  ticketing: {
    summaries: [
      'Wristband not scanning at the gate',
      'Ticket bought from a reseller refused',
      'Name on ticket does not match ID',
      'Wristband snapped, needs replacement',
      'Day ticket holder wants a camping upgrade',
      'QR code shows as already used',
    ],
    details: [
      'Scanner at lane {ref} rejects the wristband; the chip looks intact.',
      'Attendee shows an email confirmation but the barcode is already used.',
      'Bought two tickets, only one arrived in the app.',
      'Has proof of purchase from the official shop dated last March.',
    ],
    notes: [
      'Checked the ticketing portal: ticket valid, scanned once at {time}.',
      'Box office asked to reissue; they need the order number.',
      'Second scan attempt at the box office also failed.',
    ],
    told: [
      'Box office will reissue within 15 minutes; wait at the gate lane.',
      'Told them reseller tickets are not valid and where to find the official resale.',
    ],
    resolutions: [
      'Wristband replaced at the box office.',
      'Ticket re-activated; attendee let in.',
      'Upgrade sold at the box office.',
    ],
    followUpResolutions: ['Refund of the duplicate ticket requested from the ticketing partner.'],
    tags: ['reseller', 'box-office'],
  },
  cashless: {
    summaries: [
      'Cashless top-up of {amount} not showing',
      'Charged twice at {stall}',
      'Wants refund of {amount} left on wristband',
      'Top-up terminal took the card but no credit',
      'Card payment failed, money taken',
    ],
    details: [
      'Bank app shows the payment of {amount} at {time}; wristband balance still 0.',
      'Two charges of {amount} within a minute at {stall}.',
      'Going home early and wants the balance back now.',
    ],
    notes: [
      'Checked the cashless dashboard: transaction pending.',
      'Cashless team lead asked to look up the chip ID.',
      'Receipt photo added to the cashless ticket.',
    ],
    told: [
      'Refunds of the remaining balance open online the day after the festival.',
      'Told them the double charge is refunded within 5 working days.',
      'Credited {amount} at the top-up point now.',
    ],
    resolutions: [
      'Balance corrected by the cashless team.',
      'Missing top-up credited at the info tent.',
      'Double charge reversed at the bar.',
    ],
    followUpResolutions: ['Refund request filed with the cashless provider; attendee gets the money back after the festival.'],
    tags: ['refund', 'double-charge'],
  },
  accessibility: {
    summaries: [
      'Viewing platform at {zone} full',
      'Wheelchair stuck on the track near {spot}',
      'Needs a quiet space',
      'Accessible toilet near {zone} locked',
      'Companion ticket not recognised',
    ],
    details: [
      'Wheelchair user with a companion; platform at {spot} had no space left at {time}.',
      'Track plates missing between {spot} and the food court.',
      'Sensory overload after {act}, asks for somewhere quiet.',
    ],
    notes: ['Access team radioed.', 'Platform steward asked to make space.', 'Site crew sent to lay extra track plates.'],
    told: [
      'Access team will reserve a spot on the platform for the headliner.',
      'Showed the way to the quiet tent behind the info tent.',
    ],
    resolutions: ['Spot on the viewing platform arranged.', 'Toilet unlocked by site crew.', 'Escorted to the quiet tent.'],
    followUpResolutions: ['Escalated to the access coordinator; apology and review of platform capacity.'],
    tags: ['wheelchair', 'companion', 'sensory'],
  },
  'medical-welfare': {
    summaries: [
      'Attendee feeling unwell near {zone}',
      'Fainted at {spot}',
      'Cut foot on broken glass',
      'Friend too drunk to stand',
      'Needs insulin kept cold',
      'Panic attack after {act}',
    ],
    details: [
      'Conscious and talking; friend with them.',
      'Dehydrated, has not eaten since morning.',
      'Bleeding from a cut on the heel; wearing sandals.',
    ],
    notes: ['First aid radioed, ETA 5 minutes.', 'Welfare team took over at the tent.'],
    told: ['First aid is on the way; stay with your friend.', 'Showed them to the welfare tent.'],
    resolutions: ['Referred to first aid post 2.', 'Handed to the welfare team.', 'Medical team attended on site.'],
    tags: ['first-aid', 'welfare'],
  },
  'safety-security': {
    summaries: [
      'Crowd crush near the barrier at {zone}',
      'Fight near {spot}',
      'Tent broken into at {zone}',
      'Suspicious person at {spot}',
      'Glass on the ground at {spot}',
      'Harassment reported near {zone}',
    ],
    details: [
      'Two groups arguing, one person pushed.',
      'Tent zip cut open; phone charger and cash taken.',
      'Attendee felt followed from {spot} to the bar.',
    ],
    notes: ['Security supervisor informed.', 'Campsite security doing a round.', 'Police liaison informed by security.'],
    told: ['Security is on the way; stay with our steward.', 'Told them how to report the theft to the police on site.'],
    resolutions: [
      'Referred to security; they are handling it.',
      'Security removed the person from site.',
      'Reported to police liaison by security.',
    ],
    tags: ['theft', 'harassment', 'crowd'],
  },
  facilities: {
    summaries: [
      'Toilets at {zone} out of paper',
      'Water point at {zone} not working',
      'Showers cold at {zone}',
      'Overflowing bins at {spot}',
      'No light on the path to {zone}',
      'Long queue at the toilets near {zone}',
    ],
    details: [
      'Reported by several people in the last half hour.',
      'Tap gives no water since {time}.',
      'Path is muddy and dark after {time}.',
    ],
    notes: ['Site crew radioed.', 'Cleaning team on the way.', 'Sanitation contractor informed.'],
    told: ['Crew is on it; nearest working water point is at {spot}.', 'Told them the showers have hot water again from 09:00.'],
    resolutions: ['Fixed by site crew.', 'Refilled by the cleaning team.', 'Extra lighting placed.'],
    followUpResolutions: ['Raised with the sanitation contractor; apology to the attendee.'],
    tags: ['site-crew', 'water'],
  },
  noise: {
    summaries: [
      'Neighbour complains about bass from {zone}',
      'Noise complaint from the village',
      'Generator running all night at {zone}',
      'Loud music at the campsite after 02:00',
    ],
    details: [
      'Lives on the dike road; bass audible indoors since {time}.',
      'Campers next to the generator cannot sleep.',
      'Group playing speakers at {spot}.',
    ],
    notes: [
      'Sound engineer asked to check the limiter.',
      'Campsite security asked the group to turn it down.',
      'Measured 68 dB(A) at the property line.',
    ],
    told: ['The dance tent stops at 02:00; we are checking the levels now.', 'Security will ask them to turn it down.'],
    resolutions: [
      'Levels brought down at the dance tent.',
      'Group asked to stop; quiet now.',
      'Generator swapped for a silent one.',
    ],
    followUpResolutions: ['Noise logged for the permit report; the neighbour gets a call and an apology.'],
    tags: ['neighbour', 'permit'],
  },
  transport: {
    summaries: [
      'Missed the last {bus}',
      'Car stuck in the mud at the car park',
      'Taxi rank empty',
      'Cannot find car at the car park',
      'Shuttle timetable wrong on the app',
    ],
    details: [
      'Was told the {bus} runs until 03:00 but it left at {time}.',
      'Car in row {ref}, wheels spinning.',
      'Group of four, no signal to call a taxi.',
    ],
    notes: ['Car park team sent a tractor.', 'Shuttle coordinator called; extra bus at 02:30.', 'Taxi company called.'],
    told: ['Extra shuttle leaves from the gate at 02:30.', 'Tractor will pull the car out in about 30 minutes.'],
    resolutions: ['Got on the extra shuttle.', 'Car pulled out by the car park team.', 'Taxi arranged.'],
    tags: ['shuttle', 'car-park'],
  },
  camping: {
    summaries: [
      'Tent flooded at {zone}',
      'No space left at {zone}',
      'Neighbours camping on fire lane',
      'Locker at {zone} will not open',
      'Tent pitched on our spot',
    ],
    details: [
      'Rain came through the groundsheet; sleeping bags soaked.',
      'Pre-booked pitch {ref} taken by another group.',
      'Locker code rejected since {time}.',
    ],
    notes: ['Campsite crew found a dry spot in field C.', 'Locker supplier contacted.', 'Campsite steward spoke to the group.'],
    told: ['Dry spot available in field C; crew will help move the tent.', 'Locker team arrives at 09:00.'],
    resolutions: ['Moved to a dry pitch.', 'Locker opened by the supplier.', 'Group moved off the fire lane.'],
    followUpResolutions: ['Refund for the pre-booked pitch requested.'],
    tags: ['rain', 'pitch', 'locker'],
  },
  'food-vendors': {
    summaries: [
      'Allergy info missing at {stall}',
      'Food at {stall} served cold',
      '{stall} ran out of vegan options',
      'Overcharged at {stall}',
    ],
    details: [
      'Nut allergy; staff at {stall} could not say what was in the sauce.',
      'Charged {amount} for a meal listed at a lower price.',
    ],
    notes: ['Vendor manager informed.', 'Spoke to the stall manager at {stall}.'],
    told: ['Vendor manager will make sure allergy cards are up within the hour.', 'The stall will refund the difference.'],
    resolutions: ['Allergy cards placed.', 'Difference refunded by the stall.', 'New meal served.'],
    followUpResolutions: ['Refund request passed to the vendor manager.'],
    tags: ['allergy', 'vendor'],
  },
  lineup: {
    summaries: [
      'When does {act} start?',
      '{act} cancelled?',
      'Set times app shows the wrong stage',
      'Clash between {act} and {act}',
    ],
    details: ['App still shows the old set time for {act}.', 'Heard a rumour {act} is not coming.'],
    notes: ['Checked with stage management: set time unchanged.', 'App team informed about the wrong stage.'],
    told: ['{act} plays at {time} on the {zone}.', 'Set times on the screens at each stage are up to date.'],
    resolutions: ['Answered.', 'Pointed to the printed timetable.', 'App corrected by the app team.'],
    tags: ['app'],
  },
  'staff-conduct': {
    summaries: [
      'Steward at {zone} was rude',
      'Bar staff refused service without reason',
      'Security too rough at the gate',
      'Staff member filming attendees',
    ],
    details: [
      'Attendee says the steward shouted at them at {time}.',
      'Was pushed while queueing at {spot}.',
      'Bar staff at {stall} refused to serve a sober attendee.',
    ],
    notes: ['Team lead at {zone} asked for their side.', 'Security manager informed.', 'Shift lead will talk to the steward.'],
    told: [
      'We take this seriously; the team lead will talk to the steward tonight.',
      'Told them a manager will call them after the festival.',
    ],
    resolutions: ['Team lead spoke with the steward; apology given.', 'Security manager reviewed the incident.'],
    followUpResolutions: ['Complaint passed to the staffing manager; the attendee gets a personal reply.'],
    tags: ['complaint', 'security'],
  },
  praise: {
    summaries: [
      'Thanks to the stewards at {zone}',
      'Compliment for the info tent team',
      'Loved the accessible platform',
      'Great help finding a lost {item}',
      'Praise for the water points',
    ],
    details: [
      'Wants the team at {spot} to know they were brilliant.',
      'Said it was the best organised festival they have been to.',
    ],
    notes: ['Passed on to the team at {zone}.'],
    told: ['Thanked them and passed it on to the team.'],
    resolutions: ['Passed on to the team.', 'Thanked the attendee.'],
    followUpResolutions: ['Thank-you message and early-bird code for next year.'],
    tags: ['compliment'],
  },
  other: {
    summaries: [
      'Question about re-entry',
      'Asks for phone charging',
      'Wants to speak to the organisers',
      'Found a wallet with cash',
    ],
    details: ['Left the site at {time} and wants to come back in.', 'Phone at 2%, needs to call a friend.'],
    notes: ['Checked the re-entry policy with the gate lead.'],
    told: ['Re-entry is possible with your wristband until 22:00.', 'Charging lockers are at the food court.'],
    resolutions: ['Answered.', 'Pointed to the charging lockers.', 'Handed to lost & found.'],
    tags: ['question'],
  },
};

export const handoverNotes: string[] = [
  'My shift ends; {to} takes over. Attendee is waiting at the info tent.',
  '{to} knows this area better; all details are in the notes.',
  'Handing to {to} at the gate. Ticket details checked, waiting on the box office.',
  'Going on break. {to} has the description and my notes.',
  'Radio handover to {to}; they are closer to {spot}.',
  'Needs a coordinator decision, so over to {to}.',
];

export const reopenNotes: string[] = [
  'Attendee came back: the problem is back.',
  'Attendee returned to the desk; the fix did not hold.',
];
