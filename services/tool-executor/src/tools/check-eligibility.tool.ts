import { z } from 'zod';
import { coverageKind, exactlyOneOf, productCode } from './argument.schemas';
import { findClient } from './client.query';
import { findProducts } from './product.query';
import { defineTool, ToolResult } from './tool.definition';

const oneKey = exactlyOneOf(['productCode', 'coverage']);
const args = z
  .strictObject({
    clientId: z.uuid(),
    productCode: productCode.optional(),
    coverage: coverageKind.optional(),
  })
  .refine(oneKey.check, oneKey.params);

function reasonOf(record: { eligible: boolean; reason: string } | undefined): string {
  if (record === undefined) return 'no eligibility decision on file; a broker can check';
  if (record.reason !== '') return record.reason;
  return record.eligible ? 'eligible' : 'not eligible';
}

/**
 * Whether the client may buy a product, from the tenant's eligibility records. Asked by
 * coverage, the answer is for the first product of that coverage the client is eligible for
 * (by code), else the first product of it; no record on file means not eligible.
 */
export const checkEligibilityTool = defineTool({
  name: 'check_eligibility',
  description: 'Check whether the client is eligible for a product, named by productCode or by coverage (dental, vision, hearing, other).',
  arguments: args,
  sideEffects: false,
  async run(input: z.infer<typeof args>, { session }) {
    const client = await findClient(session, { clientId: input.clientId });
    if (client === undefined) return ToolResult.error('not_found', 'no client matches');
    const products = await findProducts(session, input);
    const records = await session.query<{ product_id: string; eligible: boolean; reason: string }>(
      'SELECT product_id, eligible, reason FROM eligibility WHERE client_id = $1 AND product_id = ANY($2::uuid[])',
      [client.clientId, products.map((product) => product.productId)],
    );
    const recordOf = (productId: string) => records.rows.find((row) => row.product_id === productId);
    const product = products.find((candidate) => recordOf(candidate.productId)?.eligible === true) ?? products[0];
    if (product === undefined) return ToolResult.error('not_found', 'no product matches');
    const record = recordOf(product.productId);
    return ToolResult.ok({
      clientId: client.clientId,
      eligible: record?.eligible ?? false,
      reason: reasonOf(record),
      product: { code: product.code, name: product.name, coverage: product.coverage },
    });
  },
});
