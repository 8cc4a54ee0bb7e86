import type { EngineTurn } from '../engine.turn';
import { readBackDateOfBirth, readBackMemberId, readBackPhoneNumber } from '../../language';
import { FACT } from '../engine-fact.names';
import { formatSlotTime } from '../slot-time.format';
import { sayingTimeZone } from '../slot-time.values';
import { slotValue } from '../stage.behaviour';

/** The slots the intake stages capture, cleared when the caller wants to go through it again. */
export const INTAKE_SLOT_NAMES = [
  'payer', 'memberId', 'reasonForVisit', 'patientName', 'dateOfBirth', 'phone', 'address', 'preferredPharmacy',
  'emergencyContactName', 'emergencyContactRelationship', 'emergencyContactPhone',
] as const;

/** The save_intake form from the confirmed slots; fields not given are left out. */
export function intakeForm(turn: EngineTurn): Record<string, unknown> {
  const value = (name: string) => slotValue(turn, name);
  const contactName = value('emergencyContactName');
  const contactPhone = value('emergencyContactPhone');
  const relationship = value('emergencyContactRelationship');
  const optional = (name: string, field = name) => (value(name) === undefined ? {} : { [field]: value(name) });
  return {
    name: value('patientName'),
    dateOfBirth: value('dateOfBirth'),
    phone: value('phone'),
    reasonForVisit: value('reasonForVisit'),
    ...optional('payer'),
    ...optional('memberId'),
    ...optional('address'),
    ...optional('preferredPharmacy'),
    ...(contactName === undefined || contactPhone === undefined
      ? {}
      : { emergencyContact: { name: contactName, ...(relationship === undefined ? {} : { relationship }), phone: contactPhone } }),
  };
}

/** {{readBackSummary}}: every captured field in the form's order, values spoken the way they were read back. */
export function intakeSummary(turn: EngineTurn): string {
  const value = (name: string) => slotValue(turn, name);
  const parts: string[] = [];
  const add = (label: string, text: string | undefined) => {
    if (text !== undefined) parts.push(`${label}: ${text}.`);
  };
  add('Name', value('patientName'));
  const dateOfBirth = value('dateOfBirth');
  add('Date of birth', dateOfBirth === undefined ? undefined : readBackDateOfBirth(dateOfBirth));
  const phone = value('phone');
  add('Phone', phone === undefined ? undefined : readBackPhoneNumber(phone));
  add('Insurance', value('payer'));
  const memberId = value('memberId');
  add('Member ID', memberId === undefined ? undefined : readBackMemberId(memberId));
  add('Reason for visit', value('reasonForVisit'));
  add('Address', value('address'));
  add('Pharmacy', value('preferredPharmacy'));
  const contactPhone = value('emergencyContactPhone');
  const contact = [value('emergencyContactName'), value('emergencyContactRelationship'), contactPhone === undefined ? undefined : readBackPhoneNumber(contactPhone)]
    .filter((part): part is string => part !== undefined)
    .join(', ');
  add('Emergency contact', contact === '' ? undefined : contact);
  const visit = turn.fact(FACT.appointmentStartsAt);
  add('First visit', visit === undefined ? undefined : formatSlotTime(visit, sayingTimeZone(turn.session)));
  return parts.join(' ');
}
