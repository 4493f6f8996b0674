import { z } from 'zod';
import { limitSchema } from './common';

/** Options of `tg.notifications.poll`. */
export const notificationPollSchema = z.strictObject({ limit: limitSchema.optional() });

/** Input of `tg.notifications.ack`: the ids of polled notifications. */
export const notificationAckSchema = z.array(z.string().min(1, 'Must not be empty')).max(1000);

export type NotificationPollInput = z.input<typeof notificationPollSchema>;
