import { offerCallback } from '../callback.offer';
import { ENGINE_POLICY } from '../engine.policy';
import { ENGINE_PHRASES } from '../engine.phrases';
import { FACT } from '../engine-fact.names';
import type { EngineTurn } from '../engine.turn';
import { outcome, resultRecord, resultString, slotValue, type StageBehaviour } from '../stage.behaviour';

function nothingToOffer(turn: EngineTurn): undefined {
  turn.sayTemplate(ENGINE_PHRASES.nothingToOffer);
  turn.hangUp('completed');
  return undefined;
}

function dollars(amount: unknown): string | undefined {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return undefined;
  return Number.isInteger(amount) ? `$${amount}` : `$${amount.toFixed(2)}`;
}

/** "$20 to $35" from the first price of the product (a range, never a promise). */
function priceRangeOf(result: Readonly<Record<string, unknown>>, productCode: string | undefined): string | undefined {
  const prices = Array.isArray(result['prices']) ? (result['prices'] as unknown[]) : [];
  const records = prices.filter((price): price is Record<string, unknown> => typeof price === 'object' && price !== null);
  const price = records.find((candidate) => candidate['productCode'] === productCode) ?? records[0];
  if (price === undefined) return undefined;
  const low = dollars(price['monthlyMinUsd']);
  const high = dollars(price['monthlyMaxUsd']);
  if (low === undefined || high === undefined) return undefined;
  return low === high ? low : `${low} to ${high}`;
}

/**
 * PRESENT: from the verified profile's first coverage gap, check_eligibility finds the product
 * and get_product_pricing its price range; only then is the offer said.
 */
export const PRESENT_STAGE: StageBehaviour = {
  enter(turn) {
    const coverage = turn.fact(FACT.coverageGap);
    if (coverage === undefined || turn.clientId === undefined) return nothingToOffer(turn);
    turn.callTool('check_eligibility', { clientId: turn.clientId, coverage }, 'eligibility');
    return undefined;
  },
  complete: (turn) => outcome(slotValue(turn, 'interested') === 'yes' ? 'interested' : 'notInterested'),
  continuations: {
    eligibility(turn, result) {
      const product = result.ok && result.result['eligible'] === true ? resultRecord(result.result, 'product') : undefined;
      const productName = product === undefined ? undefined : resultString(product, 'name');
      if (product === undefined || productName === undefined) return nothingToOffer(turn);
      const productCode = resultString(product, 'code');
      turn.remember({ [FACT.productName]: productName, [FACT.productCode]: productCode });
      turn.callTool(
        'get_product_pricing',
        { ...(productCode === undefined ? { coverage: turn.fact(FACT.coverageGap) } : { productCode }), household: ENGINE_POLICY.quotedHousehold },
        'pricing',
      );
      return undefined;
    },
    pricing(turn, result) {
      const priceRange = result.ok ? priceRangeOf(result.result, turn.fact(FACT.productCode)) : undefined;
      if (priceRange === undefined) {
        offerCallback(turn, 'unavailable');
        return undefined;
      }
      turn.remember({ [FACT.priceRange]: priceRange });
      turn.sayStageLine('enter');
      return undefined;
    },
  },
};
