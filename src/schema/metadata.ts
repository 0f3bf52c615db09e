/** The publisher's `datapackage.json` (data standard §1): metadata of one release. */
import { z } from 'zod';
import { DATE_PATTERN } from './define.ts';

const isoDate = z.string().regex(DATE_PATTERN, { message: '日期应为 YYYY-MM-DD' });

export const releaseMetadata = z
  .object({
    name: z.string().regex(/^[a-z0-9._-]+$/, { message: '只能包含小写字母、数字和 . _ -' }),
    title: z.string().min(1),
    version: z.string().min(1),
    created: isoDate,
    description: z.string().optional(),
    publisher: z.object({ name: z.string().min(1), contact: z.string().optional() }).loose(),
    licenses: z
      .array(z.object({ name: z.string().min(1), path: z.string().optional(), title: z.string().optional() }).loose())
      .optional(),
    coverage: z
      .object({ area: z.string().optional(), period_start: isoDate.optional(), period_end: isoDate.optional() })
      .loose()
      .optional(),
    sample: z.boolean().optional().default(false),
  })
  .loose();

export type ReleaseMetadata = z.infer<typeof releaseMetadata>;
