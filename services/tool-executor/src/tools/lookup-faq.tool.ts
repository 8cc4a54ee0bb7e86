import { z } from 'zod';
import { defineTool, ToolResult } from './tool.definition';

const MAX_ANSWERS = 3;

const args = z.strictObject({
  question: z.string().trim().min(1).max(300),
});

/** The tenant's knowledge-base entries that best match a question (English full-text rank), at most three. */
export const lookupFaqTool = defineTool({
  name: 'lookup_faq',
  description: "Search the office's knowledge base (hours, accepted insurance, locations, services, policies) for the caller's question.",
  arguments: args,
  sideEffects: false,
  async run(input: z.infer<typeof args>, { session }) {
    const found = await session.query<{ category: string; question: string; answer: string }>(
      `SELECT k.category, k.question, k.answer FROM kb_entries k, websearch_to_tsquery('english', $1) AS q
        WHERE k.search @@ q ORDER BY ts_rank(k.search, q) DESC, k.id LIMIT $2`,
      [input.question, MAX_ANSWERS],
    );
    const answers = found.rows.map((row) => ({ category: row.category, question: row.question, answer: row.answer }));
    return ToolResult.ok(answers.length > 0 ? { answers } : { answers: [], suggestion: 'offer to take a message' });
  },
});
