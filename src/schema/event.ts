import { z } from 'zod';
import { instantSchema, limitSchema } from './common';

/** Most events one `tg.events.ingest` call accepts. */
export const MAX_INGEST_BATCH = 10_000;

/** Input of `tg.events.list`. (Events themselves are validated by the metering core, per event.) */
export const eventListSchema = z
  .strictObject({
    /** Events at or after this instant. */
    from: instantSchema.optional(),
    /** Events before this instant. */
    to: instantSchema.optional(),
    /** Only this subject. */
    subject: z.string().min(1, 'Must not be empty').optional(),
    /** Only this event type. */
    type: z.string().min(1, 'Must not be empty').optional(),
    limit: limitSchema.optional(),
    cursor: z.string().min(1).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from.getTime() > q.to.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Must not be after to' });
    }
  });

export type EventListInput = z.input<typeof eventListSchema>;
