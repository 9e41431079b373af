package dev.ometriasync.benchmarks.soak.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * The soak's own record of a delete, written in the deleting transaction: the database keeps no other trace of a
 * deleted entity, and the check needs to know that an order or product missing from the tables was deleted (and
 * must be deactivated in Ometria) rather than never committed (and must be absent). Not mapped for Ometria.
 */
@Entity
@Table(name = "soak_tombstone")
public class SoakTombstone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "soak_tombstone_ids")
    @SequenceGenerator(name = "soak_tombstone_ids", sequenceName = "soak_tombstone_seq", allocationSize = 20)
    private Long id;

    @Column(name = "ometria_type")
    private String ometriaType;

    @Column(name = "ometria_id")
    private String ometriaId;

    /** For JPA. */
    protected SoakTombstone() {
    }

    /**
     * @param ometriaType {@code contact}, {@code order} or {@code product}
     * @param ometriaId the deleted record's Ometria id
     */
    public SoakTombstone(String ometriaType, String ometriaId) {
        this.ometriaType = ometriaType;
        this.ometriaId = ometriaId;
    }
}
