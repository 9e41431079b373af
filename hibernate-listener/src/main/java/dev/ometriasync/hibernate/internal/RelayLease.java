package dev.ometriasync.hibernate.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The row of {@code ometria_relay_lease} that says which instance may send outbox rows, and until when
 * (database clock). One active sender keeps several application instances within the account's request
 * rate; when the holder stops renewing, another instance takes the lease once it expired.
 */
@Entity(name = RelayLease.ENTITY_NAME)
@Table(name = "ometria_relay_lease")
public class RelayLease {

    /** The entity name, kept distinct from user entities. */
    public static final String ENTITY_NAME = "OmetriaRelayLease";

    /** The name of the one lease that guards the outbox of a database. */
    public static final String OUTBOX_LEASE = "ometria-outbox";

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "holder", length = 64, nullable = false)
    private String holder;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** For Hibernate. */
    protected RelayLease() {
    }

    RelayLease(String name, String holder, Instant expiresAt) {
        this.name = name;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    String getName() {
        return name;
    }

    String getHolder() {
        return holder;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    void grant(String newHolder, Instant until) {
        this.holder = newHolder;
        this.expiresAt = until;
    }
}
