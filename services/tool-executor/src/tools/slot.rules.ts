/** How many alternative free slots a conflict offers, and how far ahead they are looked for. */
export const SLOT_RULES = Object.freeze({ alternativesOffered: 3, searchDays: 14 });
