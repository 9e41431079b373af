package dev.ometriasync.it.base;

import dev.ometriasync.annotation.OmetriaField;
import dev.ometriasync.annotation.OmetriaProperty;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** The id and audit timestamps every entity of the shop shares, in another package than the entities. */
@MappedSuperclass
public abstract class BaseEntity {

    @Id
    @GeneratedValue
    @OmetriaField("id")
    private Long id;

    private Instant createdAt;

    @OmetriaProperty("updated_at")
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
