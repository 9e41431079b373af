package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.schema.RecordType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the changes of one transaction to one entity combine into one outbox row. */
class TransactionChangesTest {

    private final TransactionChanges changes = new TransactionChanges();

    @Test
    void insertThenUpdateIsOneFullInsert() {
        changes.add(change(OutboxOperation.INSERT, null));
        changes.add(change(OutboxOperation.UPDATE, Set.of("email")));

        assertThat(changes.changes()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo(OutboxOperation.INSERT);
            assertThat(c.changedProperties()).isNull();
        });
    }

    @Test
    void updatesUnionTheirAttributes() {
        changes.add(change(OutboxOperation.UPDATE, Set.of("email")));
        changes.add(change(OutboxOperation.UPDATE, Set.of("firstName")));

        assertThat(changes.changes()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo(OutboxOperation.UPDATE);
            assertThat(c.changedProperties()).containsExactlyInAnyOrder("email", "firstName");
        });
    }

    @Test
    void aFullUpdateAbsorbsPartialOnes() {
        changes.add(change(OutboxOperation.UPDATE, Set.of("email")));
        changes.add(change(OutboxOperation.UPDATE, null));

        assertThat(changes.changes()).singleElement().satisfies(c -> assertThat(c.changedProperties()).isNull());
    }

    @Test
    void insertThenDeleteCancelsOut() {
        changes.add(change(OutboxOperation.INSERT, null));
        changes.add(change(OutboxOperation.DELETE, null));

        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void deleteWinsOverEarlierUpdates() {
        changes.add(change(OutboxOperation.UPDATE, Set.of("status")));
        changes.add(change(OutboxOperation.DELETE, null));

        assertThat(changes.changes()).singleElement().satisfies(c -> assertThat(c.operation()).isEqualTo(OutboxOperation.DELETE));
    }

    @Test
    void reinsertAfterDeleteIsAnInsert() {
        changes.add(change(OutboxOperation.DELETE, null));
        changes.add(change(OutboxOperation.INSERT, null));

        assertThat(changes.changes()).singleElement().satisfies(c -> assertThat(c.operation()).isEqualTo(OutboxOperation.INSERT));
    }

    @Test
    void differentEntitiesStaySeparate() {
        changes.add(change(OutboxOperation.UPDATE, Set.of("email")));
        changes.add(new CapturedChange(OutboxOperation.UPDATE, "Customer", 2L, "2", RecordType.CONTACT, "webshop", "2", Set.of("email")));

        assertThat(changes.changes()).hasSize(2);
    }

    private static CapturedChange change(OutboxOperation operation, Set<String> changed) {
        return new CapturedChange(operation, "Customer", 1L, "1", RecordType.CONTACT, "webshop", "1", changed);
    }
}
