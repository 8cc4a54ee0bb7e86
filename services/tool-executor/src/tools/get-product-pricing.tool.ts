import { z } from 'zod';
import { coverageKind, exactlyOneOf, householdKind, productCode } from './argument.schemas';
import { findProducts } from './product.query';
import { defineTool, ToolResult } from './tool.definition';

const oneKey = exactlyOneOf(['productCode', 'coverage']);
const args = z
  .strictObject({
    productCode: productCode.optional(),
    coverage: coverageKind.optional(),
    household: householdKind,
  })
  .refine(oneKey.check, oneKey.params);

export const PRICING_DISCLAIMER = 'Prices are estimates, not a guarantee.';

/** Monthly price ranges in dollars for a product (or every product of a coverage) and household. */
export const getProductPricingTool = defineTool({
  name: 'get_product_pricing',
  description: 'Monthly price range in dollars for a product (productCode) or a coverage, for a household. Quote it as an estimate, never a guarantee.',
  arguments: args,
  sideEffects: false,
  async run(input: z.infer<typeof args>, { session }) {
    const products = await findProducts(session, input);
    if (products.length === 0) return ToolResult.error('not_found', 'no product matches');
    const prices = await session.query<{ product_id: string; monthly_min_cents: number; monthly_max_cents: number }>(
      'SELECT product_id, monthly_min_cents, monthly_max_cents FROM product_prices WHERE household = $1 AND product_id = ANY($2::uuid[])',
      [input.household, products.map((product) => product.productId)],
    );
    const options = products.flatMap((product) => {
      const price = prices.rows.find((row) => row.product_id === product.productId);
      if (price === undefined) return [];
      return [{ productCode: product.code, productName: product.name, coverage: product.coverage, monthlyMinUsd: price.monthly_min_cents / 100, monthlyMaxUsd: price.monthly_max_cents / 100 }];
    });
    if (options.length === 0) return ToolResult.error('not_found', 'no price on file for that household');
    return ToolResult.ok({ household: input.household, prices: options, disclaimer: PRICING_DISCLAIMER });
  },
});
