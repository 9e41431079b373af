package dev.ometriasync.hibernate.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One captured change waiting to be sent: a row of {@code ometria_outbox}. It names the entity and what
 * changed (operation and changed attribute <em>names</em>, so that a row written before a deploy that
 * adds fields still means the same after it); the values are read from the entity when the row is sent.
 * Mapped by {@link OutboxMappingContributor}; the DDL for each database is in
 * {@code db/ometria-sync/flyway/} (one Flyway migration per database, see {@link ShippedDdl}).
 */
@Entity(name = OutboxEntry.ENTITY_NAME)
@Table(name = OutboxEntry.TABLE, indexes = {
        @Index(name = "ometria_outbox_due", columnList = "status, next_attempt_at"),
        // the claim after a takeover skips entities another instance still holds (OutboxStore.claim): without this
        // index that check scans the whole table for every candidate row, which under a backlog takes seconds and
        // holds back the database's vacuum
        @Index(name = "ometria_outbox_entity", columnList = "entity_name, entity_id")})
public class OutboxEntry {

    /** The table's name as the shipped migrations create it. */
    public static final String TABLE = "ometria_outbox";

    /** The entity name, kept distinct from user entities. */
    public static final String ENTITY_NAME = "OmetriaOutboxEntry";

    /** Status of a row still to be sent. */
    public static final String PENDING = "PENDING";
    /** Status of a row that can never be sent as it is; kept for inspection and replay. */
    public static final String DEAD = "DEAD";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "operation", length = 8, nullable = false)
    private String operation;

    @Column(name = "entity_name", length = 255, nullable = false)
    private String entityName;

    @Column(name = "entity_id", length = 255, nullable = false)
    private String entityId;

    @Column(name = "ometria_type", length = 16, nullable = false)
    private String ometriaType;

    @Column(name = "ometria_collection", length = 255)
    private String ometriaCollection;

    @Column(name = "ometria_id", length = 255)
    private String ometriaId;

    @Column(name = "changed_properties", length = 4000)
    private String changedProperties;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "status", length = 8, nullable = false)
    private String status;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** For Hibernate. */
    protected OutboxEntry() {
    }

    /**
     * A new pending row.
     *
     * @param change the captured change
     * @param dueAt when the row becomes due
     * @param now the creation time
     */
    OutboxEntry(CapturedChange change, Instant dueAt, Instant now) {
        this.operation = change.operation().name();
        this.entityName = change.entityName();
        this.entityId = change.entityId();
        this.ometriaType = change.recordType().jsonName();
        this.ometriaCollection = change.collection();
        this.ometriaId = change.ometriaId();
        this.changedProperties = ChangedProperties.format(change.changedProperties());
        this.attempts = 0;
        this.nextAttemptAt = dueAt;
        this.status = PENDING;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getOperation() {
        return operation;
    }

    String getEntityName() {
        return entityName;
    }

    String getEntityId() {
        return entityId;
    }

    String getOmetriaType() {
        return ometriaType;
    }

    String getOmetriaCollection() {
        return ometriaCollection;
    }

    String getOmetriaId() {
        return ometriaId;
    }

    String getChangedProperties() {
        return changedProperties;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    String getStatus() {
        return status;
    }

    String getLastError() {
        return lastError;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
