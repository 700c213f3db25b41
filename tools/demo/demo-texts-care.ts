import type { CategoryTexts } from './demo-text-types';

/** Issues about the attendee themselves: belongings, friends, entry, money, access, health, safety, staff. */
export const careTexts: Record<string, CategoryTexts> = {
  'lost-property': {
    scenarios: [
      {
        summary: 'Lost {item} near {zone}',
        details: [
          'Last seen at {spot} around {time}.',
          'Thinks the {item} fell out of a pocket near {spot}. Has looked there already.',
        ],
        told: ['Lost & found at the info tent is open until 03:00 and again from 10:00. We will contact you if it is handed in.'],
        resolutions: [
          '{item} handed in at lost & found; returned after checking ID.',
          'Found at {spot} by the bar team and returned.',
        ],
      },
      {
        summary: 'Lost {item} during {act}',
        details: ['Was in the front section during {act}; noticed around {time} the {item} was gone.'],
        told: ['Block any cards now and check back with us after the headliner.'],
        resolutions: ['Handed in by another attendee; returned to the owner.', 'A friend had the {item} all along.'],
      },
      {
        summary: 'Left {item} at {stall}',
        details: ['Paid at {stall} around {time} and left the {item} on the counter.'],
        told: ['We radioed {stall}; come back here in 20 minutes.'],
        resolutions: ['{stall} kept the {item} behind the counter; returned.'],
        zones: ['food-court'],
      },
      {
        summary: 'Asks if a {item} was handed in',
        details: ['Lost it somewhere between the campsite and {spot} this afternoon.'],
        told: ['Nothing matching yet; we check the register again at every shift change.'],
        resolutions: ['Matched with the lost & found register and returned.'],
        zones: ['info-tent'],
      },
    ],
    notes: [
      'Checked the lost & found box at the info tent: no {item} yet.',
      'Radioed the bar team at {spot}.',
      'Cleaning crew asked to keep an eye out near {spot}.',
      'Security at the gate checked their found items: nothing matching.',
    ],
    followUp: 'Logged in the lost & found register as {ref}; we contact the attendee when the {item} turns up.',
    tags: ['phone', 'id-document', 'keys'],
  },
  'lost-person': {
    scenarios: [
      {
        summary: 'Lost {person} near {zone}',
        details: ['Last seen at {spot} around {time}, wearing a yellow rain poncho.'],
        told: ['Wait at the info tent with us; every steward has the description.'],
        resolutions: ['Reunited at the info tent.', 'Found at {spot} by a steward and brought to the info tent.'],
      },
      {
        summary: 'Separated from {person} after {act}',
        details: ['Agreed to meet at {spot} after {act}; nobody there and their phone is dead.'],
        told: ['Stay here; stewards are checking {spot} now.'],
        resolutions: ['They met at the agreed spot after all.', 'Reunited at the info tent.'],
      },
      {
        summary: 'Looking for {person}, phone off since {time}',
        details: ['Last message said they were at {spot}.'],
        told: ['We radioed the description; we will call you back to the info tent.'],
        resolutions: ['Called in: they found each other at {spot}.'],
      },
    ],
    notes: [
      'Description sent over the radio to all stewards.',
      'Security team checking {spot}.',
      'Welfare tent informed in case they turn up there.',
      'Screen message at {zone} prepared with the stage manager.',
    ],
    tags: ['child', 'minor', 'vulnerable'],
  },
  ticketing: {
    scenarios: [
      {
        summary: 'Wristband not scanning at the gate',
        details: ['Scanner at {spot} rejects the wristband; the chip looks intact.'],
        told: ['The box office will reissue it; wait at lane 1.'],
        resolutions: ['Wristband replaced at the box office.'],
      },
      {
        summary: 'Ticket from a reseller refused',
        details: ['Bought on a resale site for {amount}; the barcode was already used at {time}.'],
        told: ['Reseller tickets are not valid; explained the official resale and how to report fraud.'],
        resolutions: [
          'Attendee bought a day ticket at the box office.',
          'Could not enter; sent to the police liaison to report fraud.',
        ],
      },
      {
        summary: 'Name on ticket does not match ID',
        details: ['Ticket bought by a friend under another name.'],
        told: ['A name change is possible at the box office for €5.'],
        resolutions: ['Name changed at the box office.'],
      },
      {
        summary: 'Wristband snapped, needs a new one',
        details: ['Wristband caught on a fence at {spot}; the chip is still attached.'],
        told: ['Bring the broken band to the box office for a new one.'],
        resolutions: ['New wristband issued against the old chip.'],
      },
      {
        summary: 'Charged twice for one ticket',
        details: ['Bank statement shows two payments of {amount} for the same order.'],
        told: ['We asked the ticketing partner to check the order.'],
        resolutions: ['Duplicate order confirmed by the ticketing partner.'],
      },
    ],
    notes: [
      'Checked the ticketing portal: ticket valid, first scan at {time}.',
      'Box office asked to check the order; they need the order number.',
      'Gate lead informed.',
    ],
    followUp: 'Refund of the duplicate ticket ({amount}) requested from the ticketing partner.',
    tags: ['reseller', 'box-office'],
  },
  cashless: {
    scenarios: [
      {
        summary: 'Top-up of {amount} not showing',
        details: ['Bank app shows the payment at {time}; the wristband balance is still 0.'],
        told: ['The cashless team is checking the transaction; come back in 30 minutes.'],
        resolutions: ['Missing top-up of {amount} credited at the info tent.'],
      },
      {
        summary: 'Charged twice at {stall}',
        details: ['Two charges of {amount} within a minute at {stall}.'],
        told: ['The double charge will be paid back.'],
        resolutions: ['Double charge reversed by {stall}.'],
      },
      {
        summary: 'Wants the {amount} left on the wristband back',
        details: ['Going home early and wants the balance back now.'],
        told: ['The remaining balance is paid back online after the festival; explained the form.'],
        resolutions: ['Explained the refund form; request filed.'],
      },
      {
        summary: 'Top-up terminal took the card but no credit',
        details: ['Terminal at {spot} froze after the payment at {time}.'],
        told: ['The cashless team will add the credit by hand once the payment shows.'],
        resolutions: ['Credit of {amount} added by the cashless team.'],
      },
    ],
    notes: [
      'Checked the cashless dashboard: transaction pending.',
      'Cashless team lead asked to look up the chip ID.',
      'Receipt photo added to the cashless ticket.',
    ],
    followUp: 'Refund of {amount} filed with the cashless provider; paid back after the festival.',
    tags: ['refund', 'double-charge'],
  },
  accessibility: {
    scenarios: [
      {
        summary: 'Accessible viewing platform full',
        details: ['Wheelchair user with a companion; no space left at {time}.'],
        told: ['The access team will keep a spot for the headliner.'],
        resolutions: ['Spot on the viewing platform arranged.'],
        zones: ['main-stage', 'second-stage'],
      },
      {
        summary: 'Wheelchair stuck on the track near {spot}',
        details: ['Track plates missing between {spot} and the food court.'],
        told: ['Site crew is laying extra plates now.'],
        resolutions: ['Extra track plates laid by site crew.'],
      },
      {
        summary: 'Needs a quiet space after {act}',
        details: ['Sensory overload; asks for somewhere quiet.'],
        told: ['Showed the way to the quiet tent behind the info tent.'],
        resolutions: ['Escorted to the quiet tent.'],
      },
      {
        summary: 'Accessible toilet near {zone} locked',
        details: ['Locked since at least {time}.'],
        told: ['Site crew is on the way with the key.'],
        resolutions: ['Unlocked by site crew.'],
      },
    ],
    notes: ['Access team radioed.', 'Access coordinator informed.'],
    followUp: 'Passed to the access coordinator; apology and a review of platform capacity.',
    tags: ['wheelchair', 'companion', 'sensory'],
  },
  'medical-welfare': {
    scenarios: [
      {
        summary: 'Attendee feeling unwell near {zone}',
        details: ['Conscious and talking; a friend is with them.', 'Dehydrated, has not eaten since the morning.'],
        told: ['First aid is on the way; stay with your friend.'],
        resolutions: ['Referred to first aid post 2.', 'Medical team attended on site.'],
      },
      {
        summary: 'Attendee fainted at {spot}',
        details: ['Came round quickly; friends say it was very hot in the crowd.'],
        told: ['First aid is on the way.'],
        resolutions: ['Referred to the medical team; taken to first aid.'],
      },
      {
        summary: 'Cut foot on broken glass at {spot}',
        details: ['Bleeding from a cut on the heel; wearing sandals.'],
        told: ['First aid will clean and dress it.'],
        resolutions: ['Walked to first aid; wound dressed there.'],
      },
      {
        summary: 'Friend too drunk to stand',
        details: ['Sitting on the ground at {spot}, responds to questions.'],
        told: ['The welfare team will look after your friend.'],
        resolutions: ['Handed to the welfare team.'],
      },
      {
        summary: 'Needs insulin kept cold',
        details: ['Insulin in a cool bag that has warmed up.'],
        told: ['First aid keeps medicine in their fridge.'],
        resolutions: ['Insulin stored in the first aid fridge.'],
        zones: ['info-tent', 'campsite-north', 'campsite-south'],
      },
      {
        summary: 'Panic attack after {act}',
        details: ['Breathing fast, wants to get out of the crowd.'],
        told: ['We will take you somewhere quiet.'],
        resolutions: ['Welfare team took over at the quiet tent.'],
      },
    ],
    notes: ['First aid radioed, there in 5 minutes.', 'Welfare team informed.'],
    tags: ['first-aid', 'welfare'],
  },
  'safety-security': {
    scenarios: [
      {
        summary: 'Crowd pressure at the barrier at {zone}',
        details: ['People at the front asking to be pulled out.'],
        told: ['Security is on it; stay with our steward.'],
        resolutions: ['Referred to security; the stage manager paused the show briefly.'],
        zones: ['main-stage', 'dance-tent', 'second-stage'],
      },
      {
        summary: 'Fight near {spot}',
        details: ['Two groups arguing, one person pushed over.'],
        told: ['Security is on the way; stay back.'],
        resolutions: ['Security separated the groups; one person removed from site.'],
      },
      {
        summary: 'Tent broken into at {zone}',
        details: ['Tent zip cut open; phone charger and cash taken.'],
        told: ['Explained how to report the theft to the police on site.'],
        resolutions: ['Referred to campsite security; police report explained.'],
        zones: ['campsite-north', 'campsite-south'],
      },
      {
        summary: 'Harassment reported near {zone}',
        details: ['Attendee felt followed from {spot} to the bar.'],
        told: ['A steward will stay with you; security has the description.'],
        resolutions: ['Security escorted the attendee; description shared with stewards.'],
      },
      {
        summary: 'Broken glass on the ground at {spot}',
        details: ['Several bottles smashed; people walking barefoot.'],
        told: ['Site crew is coming to clear it.'],
        resolutions: ['Site crew cleared it; referred to security for the glass that got in.'],
      },
    ],
    notes: ['Security supervisor informed.', 'Security team on the way.', 'Police liaison informed by security.'],
    tags: ['theft', 'harassment', 'crowd'],
  },
  'staff-conduct': {
    scenarios: [
      {
        summary: 'Steward at {zone} was rude',
        details: ['Attendee says the steward shouted at them at {time}.'],
        told: ['The team lead will talk to the steward tonight.'],
        resolutions: ['Team lead spoke with the steward; apology given.'],
      },
      {
        summary: 'Security too rough at the gate',
        details: ['Was pushed while queueing at {spot}.'],
        told: ['The security manager will look into it tonight.'],
        resolutions: ['Security manager reviewed the incident with the team.'],
        zones: ['main-gate'],
      },
      {
        summary: 'Bar staff at {stall} refused service',
        details: ['Refused to serve a sober attendee at {time}.'],
        told: ['The bar manager will talk to the team.'],
        resolutions: ['Bar manager apologised; drink voucher given.'],
      },
    ],
    notes: [
      'Team lead at {zone} asked for their side.',
      'Security manager informed.',
      'Shift lead will talk to the team member.',
    ],
    followUp: 'Complaint passed to the staffing manager; the attendee gets a personal reply.',
    tags: ['complaint', 'security'],
  },
};
