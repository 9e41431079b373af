package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.schema.RecordType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How direct mode's queue merges committed changes of one entity across transactions, and where it is full. */
class PendingChangesTest {

    private final PendingChanges pending = new PendingChanges(2);

    @Test
    void changesOfAWaitingEntityMergeAndNeedNoRoom() {
        assertThat(pending.add(change("1", OutboxOperation.UPDATE, Set.of("email"), null))).isTrue();
        assertThat(pending.add(change("2", OutboxOperation.UPDATE, Set.of("email"), null))).isTrue();
        assertThat(pending.add(change("1", OutboxOperation.UPDATE, Set.of("firstName"), null))).as("merged: no room needed").isTrue();
        assertThat(pending.add(change("3", OutboxOperation.INSERT, null, null))).as("a third entity: full").isFalse();

        Map<PendingChanges.Key, List<CapturedChange>> taken = pending.take(10);
        assertThat(taken).hasSize(2);
        assertThat(taken.values().iterator().next()).singleElement().satisfies(c -> {
            assertThat(c.entityId()).isEqualTo("1");
            assertThat(c.changedProperties()).containsExactly("email", "firstName");
        });
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void anInsertOrAFullChangeMakesTheMergedChangeFull() {
        pending.add(change("1", OutboxOperation.INSERT, null, null));
        pending.add(change("1", OutboxOperation.UPDATE, Set.of("email"), null));

        assertThat(pending.take(1).values().iterator().next()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo(OutboxOperation.INSERT);
            assertThat(c.isFull()).isTrue();
        });
    }

    @Test
    void theLatestDeleteIsKeptBesideTheLiveChange() {
        pending.add(change("1", OutboxOperation.UPDATE, Set.of("email"), "SKU-1"));
        pending.add(change("1", OutboxOperation.DELETE, null, "SKU-1"));
        pending.add(change("1", OutboxOperation.INSERT, null, "SKU-2"));
        pending.add(change("1", OutboxOperation.DELETE, null, "SKU-2"));

        // the read decides: the entity exists (re-created) → its live change; it is gone → the delete policy for SKU-2
        assertThat(pending.take(1).values().iterator().next()).extracting(CapturedChange::operation, CapturedChange::ometriaId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OutboxOperation.INSERT, "SKU-2"),
                        org.assertj.core.groups.Tuple.tuple(OutboxOperation.DELETE, "SKU-2"));
    }

    @Test
    void aRetiredIdIsAnEntryOfItsOwn() {
        pending.add(change("1", OutboxOperation.UPDATE, null, "SKU-2"));
        assertThat(pending.add(change("1", OutboxOperation.RETIRE, null, "SKU-1"))).isTrue();
        assertThat(pending.size()).isEqualTo(2);
    }

    @Test
    void changesPutBackAfterADatabaseFailureMergeUnderNewerOnes() {
        pending.add(change("1", OutboxOperation.DELETE, null, "SKU-1"));
        List<CapturedChange> taken = pending.take(1).values().iterator().next();
        pending.add(change("1", OutboxOperation.DELETE, null, "SKU-9"));

        pending.putBack(taken);

        assertThat(pending.take(1).values().iterator().next()).singleElement()
                .satisfies(c -> assertThat(c.ometriaId()).as("the newer delete wins").isEqualTo("SKU-9"));
    }

    @Test
    void changesPutBackNeedNoRoom() {
        pending.add(change("1", OutboxOperation.UPDATE, Set.of("email"), null));
        List<CapturedChange> taken = pending.take(1).values().iterator().next();
        pending.add(change("2", OutboxOperation.UPDATE, Set.of("email"), null));
        pending.add(change("3", OutboxOperation.UPDATE, Set.of("email"), null));

        pending.putBack(taken);

        assertThat(pending.size()).as("they had room before they were taken").isEqualTo(3);
    }

    private static CapturedChange change(String id, OutboxOperation operation, Set<String> changed, String ometriaId) {
        return new CapturedChange(operation, "Product", Long.valueOf(id), id, RecordType.PRODUCT, null, ometriaId, changed);
    }
}
