package dev.ometriasync.hibernate.backfill;

import dev.ometriasync.runtime.Outcome;

/**
 * A record the backfill could not deliver. It is counted and reported, never retried by the backfill: fix the
 * data (or the mapping) and send it again with {@code OmetriaSync.touch(...)} or a new backfill.
 *
 * @param entityName the Hibernate entity name
 * @param entityId the entity id, as text
 * @param status {@link Outcome.Status#REJECTED} (invalid record, refused by Ometria, or not serializable) or
 *     {@link Outcome.Status#DEAD_LETTERED} (sending failed until the retry budget ran out)
 * @param reason why; names fields, never their values, except masked
 */
public record BackfillRejection(String entityName, String entityId, Outcome.Status status, String reason) {
}
