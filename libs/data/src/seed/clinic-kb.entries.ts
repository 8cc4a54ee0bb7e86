export type KbCategory = 'hours' | 'insurers' | 'locations' | 'services' | 'policies' | 'other';

export interface KbEntrySpec {
  readonly key: string;
  readonly category: KbCategory;
  readonly question: string;
  readonly answer: string;
}

/** Riverside Family Clinic's knowledge base: what the receptionist answers from. */
export const CLINIC_KB: readonly KbEntrySpec[] = [
  {
    key: 'office-hours',
    category: 'hours',
    question: 'What are your office hours? When are you open?',
    answer: 'We are open Monday through Friday from 8 a.m. to 5 p.m. Central time, closed from noon to 1 p.m. for lunch. We are closed on Saturdays and Sundays.',
  },
  {
    key: 'holidays',
    category: 'hours',
    question: 'Which holidays is the clinic closed?',
    answer: "The clinic is closed on New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving Day and Christmas Day.",
  },
  {
    key: 'after-hours',
    category: 'hours',
    question: 'Who do I call after hours or on the weekend?',
    answer: 'After hours and on weekends our on-call nurse line answers at the main number; press 2. For an emergency, hang up and dial 911.',
  },
  {
    key: 'accepted-insurers',
    category: 'insurers',
    question: 'Which insurance plans do you accept?',
    answer: 'We accept Aetna, Blue Cross Blue Shield of Illinois (PPO and Blue Choice), Cigna, Humana, UnitedHealthcare, Original Medicare, and Illinois Medicaid through Meridian and Blue Cross Community.',
  },
  {
    key: 'medicare',
    category: 'insurers',
    question: 'Do you take Medicare or Medicare Advantage?',
    answer: 'Yes. We accept Original Medicare and Medicare Advantage plans from Humana, Aetna and UnitedHealthcare.',
  },
  {
    key: 'self-pay',
    category: 'insurers',
    question: 'What if I do not have insurance?',
    answer: 'Self-pay patients are welcome. A standard office visit is $120, and we offer a 20 percent discount when paid at the visit.',
  },
  {
    key: 'main-location',
    category: 'locations',
    question: 'Where is the clinic located? What is your address?',
    answer: 'Our main clinic is at 2150 Riverside Drive, Suite 100, Riverside, IL 60546, across from Guthrie Park.',
  },
  {
    key: 'north-office',
    category: 'locations',
    question: 'Do you have another location?',
    answer: 'Our North office is at 7800 West North Avenue, Elmwood Park, IL 60707. Dr. Okafor sees patients there on Tuesdays and Thursdays.',
  },
  {
    key: 'parking',
    category: 'locations',
    question: 'Is there parking at the clinic?',
    answer: 'Free parking is in the lot behind the building on Riverside Drive, with four accessible spaces next to the entrance. The North office shares a free lot with the pharmacy next door.',
  },
  {
    key: 'new-patients',
    category: 'policies',
    question: 'Are you accepting new patients?',
    answer: 'Yes, we are accepting new patients of all ages. Please arrive 15 minutes early for your first visit and bring a photo ID, your insurance card and a list of your medications.',
  },
  {
    key: 'cancellation',
    category: 'policies',
    question: 'What is your cancellation policy?',
    answer: 'Please cancel or reschedule at least 24 hours before your appointment. A missed appointment without notice may be charged a $25 fee.',
  },
  {
    key: 'services',
    category: 'services',
    question: 'What services do you offer?',
    answer: 'Family medicine for children and adults: annual physicals, sick visits, vaccinations, chronic condition care, sports physicals, and lab work on site.',
  },
];
