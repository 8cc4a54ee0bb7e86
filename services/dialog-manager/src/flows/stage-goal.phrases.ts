/** Sentences stage goals share, so the rules they state read the same in every prompt. */
export const NO_MEDICAL_ADVICE = 'Never give medical advice; if it sounds urgent, tell them to call 911.';
export const NO_PRICE_PROMISE = 'Never promise a price: prices are ranges, and the broker confirms the final price.';
