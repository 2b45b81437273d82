import * as z from 'zod';

/** An account a job acts in, as resolved from what the person typed. */
export const accountRefSchema = z.object({ id: z.string().regex(/^\d{12}$/), name: z.string().optional() });

export type AccountRef = z.infer<typeof accountRefSchema>;
