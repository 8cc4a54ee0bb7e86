import type { SqlSession } from '@va/data';

export interface ProductSummary {
  readonly productId: string;
  readonly code: string;
  readonly name: string;
  readonly coverage: string;
}

/** How the agent names a product: by its code, or by the kind of care it covers. */
export interface ProductKey {
  readonly productCode?: string;
  readonly coverage?: string;
}

type ProductRow = { id: string; code: string; name: string; coverage: string };
const SELECT_PRODUCT = 'SELECT id, code, name, coverage FROM products';

/** The tenant's products with the code if one is given, else covering the coverage; ordered by code. */
export async function findProducts(session: SqlSession, key: ProductKey): Promise<ProductSummary[]> {
  const found =
    key.productCode !== undefined
      ? await session.query<ProductRow>(`${SELECT_PRODUCT} WHERE code = $1`, [key.productCode])
      : await session.query<ProductRow>(`${SELECT_PRODUCT} WHERE coverage = $1 ORDER BY code`, [key.coverage ?? null]);
  return found.rows.map((row) => ({ productId: row.id, code: row.code, name: row.name, coverage: row.coverage }));
}
