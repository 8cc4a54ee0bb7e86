import type { TenantSpec } from './tenant.writer';

/** Riverside Family Clinic: the demo clinic, its number, an admin and two providers (as brokers). */
export const CLINIC: TenantSpec = {
  key: 'riverside-family-clinic',
  name: 'Riverside Family Clinic',
  kind: 'clinic',
  timeZone: 'America/Chicago',
  settings: { flow: { agentName: 'Riley' } },
  phoneNumbers: [{ e164: '+15550120000', purpose: 'both' }],
  users: [{ role: 'admin', email: 'frontdesk@riversideclinic.example', key: 'va_adm_rfc_sandbox_demo_key_only' }],
  brokers: [
    { key: 'dr-elena-brooks', name: 'Dr. Elena Brooks', phoneE164: '+15550120101', timeZone: 'America/Chicago' },
    { key: 'dr-samuel-okafor', name: 'Dr. Samuel Okafor', phoneE164: '+15550120102', timeZone: 'America/Chicago' },
  ],
  // Office hours 8 to 5 with the lunch hour closed, as the knowledge base says.
  schedule: {
    weeks: 2,
    slotMinutes: 30,
    periods: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
  },
};

/** A clinic patient as the CRM holds them (date of birth and member ID are encrypted when written). */
export interface ClinicPatient {
  readonly key: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phoneE164: string;
  readonly dateOfBirth: string;
  readonly memberId: string;
  readonly plan: string;
  readonly providerKey: string;
}

export const PATIENTS: readonly ClinicPatient[] = [
  { key: 'ana-morales', firstName: 'Ana', lastName: 'Morales', phoneE164: '+17085550140', dateOfBirth: '1984-07-12', memberId: 'XOF845120337', plan: 'Blue Cross Blue Shield of Illinois PPO', providerKey: 'dr-elena-brooks' },
  { key: 'robert-chen', firstName: 'Robert', lastName: 'Chen', phoneE164: '+17085550141', dateOfBirth: '1951-11-03', memberId: '1EG4TE5MK72', plan: 'Original Medicare (Parts A and B)', providerKey: 'dr-samuel-okafor' },
  { key: 'denise-walker', firstName: 'Denise', lastName: 'Walker', phoneE164: '+17735550142', dateOfBirth: '1990-02-21', memberId: 'W284617390', plan: 'Aetna Open Access Managed Choice', providerKey: 'dr-elena-brooks' },
  { key: 'tomasz-nowak', firstName: 'Tomasz', lastName: 'Nowak', phoneE164: '+17085550143', dateOfBirth: '1976-09-30', memberId: 'UHC903318472', plan: 'UnitedHealthcare Choice Plus', providerKey: 'dr-samuel-okafor' },
  { key: 'keisha-brown', firstName: 'Keisha', lastName: 'Brown', phoneE164: '+13125550144', dateOfBirth: '2001-05-17', memberId: 'MER55120984', plan: 'Meridian Illinois Medicaid', providerKey: 'dr-elena-brooks' },
  { key: 'harold-jensen', firstName: 'Harold', lastName: 'Jensen', phoneE164: '+16305550145', dateOfBirth: '1947-03-03', memberId: 'H5619027734', plan: 'Humana Gold Plus HMO', providerKey: 'dr-samuel-okafor' },
];

/** One completed intake, so the clinic's intake list is not empty in the demo. */
export const SAMPLE_INTAKE = {
  key: 'intake/ana-morales/annual-physical',
  patientKey: 'ana-morales',
  payload: {
    reasonForVisit: 'Annual physical',
    payer: 'Blue Cross Blue Shield of Illinois',
    memberId: 'XOF845120337',
    name: 'Ana Morales',
    dateOfBirth: '1984-07-12',
    phone: '+17085550140',
    address: '412 Longcommon Road, Riverside, IL 60546',
    preferredPharmacy: 'Walgreens, 3201 South Harlem Avenue, Riverside',
    emergencyContact: { name: 'Luis Morales', relationship: 'spouse', phone: '+17085550146' },
  },
} as const;
