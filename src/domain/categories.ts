export interface Category {
  id: string;
  label: string;
  /** Issues of this kind are handed to another team (medical, security) rather than solved here. */
  isReferral?: boolean;
}

/** What a festival help desk meets, in the words staff use. */
export const defaultCategories: Category[] = [
  { id: 'lost-property', label: 'Lost property' },
  { id: 'lost-person', label: 'Lost person' },
  { id: 'ticketing', label: 'Tickets & wristbands' },
  { id: 'cashless', label: 'Cashless & refunds' },
  { id: 'accessibility', label: 'Accessibility' },
  { id: 'medical-welfare', label: 'Medical or welfare', isReferral: true },
  { id: 'safeguarding', label: 'Safeguarding', isReferral: true },
  { id: 'safety-security', label: 'Safety & security', isReferral: true },
  { id: 'facilities', label: 'Toilets, water, facilities' },
  { id: 'noise', label: 'Noise & neighbours' },
  { id: 'transport', label: 'Transport & parking' },
  { id: 'camping', label: 'Camping' },
  { id: 'food-vendors', label: 'Food & vendors' },
  { id: 'lineup', label: 'Line-up & schedule' },
  { id: 'staff-conduct', label: 'Staff conduct' },
  { id: 'praise', label: 'Praise' },
  { id: 'other', label: 'Other' },
];
