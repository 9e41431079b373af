package dev.ometriasync.hibernate;

import java.time.Instant;

/**
 * An outbox row with status {@code DEAD}: a change that can never be sent as it is (Ometria rejected the record,
 * sending kept failing past {@code ometria.retry.max-duration}, or the entity could not be read back
 * {@code ometria.relay.max-attempts} times). Kept, with its reason, until it is replayed or purged.
 *
 * @param id the row id (what {@link DeadLetters#replay} and {@link DeadLetters#purge} take)
 * @param operation {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code TOUCH}
 * @param entityName the Hibernate entity name
 * @param entityId the entity id, as text
 * @param ometriaType the record type: {@code contact}, {@code order}, {@code product} or {@code custom_event}
 * @param ometriaId the Ometria record id, when known (always for deletes)
 * @param attempts the relay's attempts to read and serialize the entity
 * @param reason why it is dead (e-mail addresses masked, never the API key)
 * @param createdAt when the change was captured
 */
public record DeadLetter(long id, String operation, String entityName, String entityId, String ometriaType, String ometriaId,
        int attempts, String reason, Instant createdAt) {
}
