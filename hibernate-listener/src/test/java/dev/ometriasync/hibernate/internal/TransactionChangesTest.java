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
    void anUpdateThatAddsNoAttributeLeavesTheEarlierChangeAsItIs() {
        CapturedChange first = change(OutboxOperation.UPDATE, Set.of("email", "firstName"));
        changes.add(first);
        changes.add(change(OutboxOperation.UPDATE, Set.of("email")));

        assertThat(changes.changes()).singleElement().isSameAs(first);
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

    @Test
    void aLargeTransactionMergesAsASmallOneDoesAndKeepsTheOrderOfFirstChange() {
        // beyond a handful of entities the entries are found through an index instead of a scan: same rules, same order
        for (long id = 1; id <= 50; id++) {
            changes.add(customer(OutboxOperation.UPDATE, id, Set.of("email")));
        }
        for (long id = 50; id >= 1; id--) {
            changes.add(customer(OutboxOperation.UPDATE, id, Set.of("firstName")));
        }
        changes.add(customer(OutboxOperation.INSERT, 51L, null));
        changes.add(customer(OutboxOperation.DELETE, 51L, null)); // cancels out
        changes.add(customer(OutboxOperation.DELETE, 7L, null));
        changes.add(customer(OutboxOperation.INSERT, 51L, null)); // a new entry, at the end

        assertThat(changes.changes()).extracting(CapturedChange::id)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 51).boxed().toList());
        assertThat(changes.changes().get(0).changedProperties()).containsExactlyInAnyOrder("email", "firstName");
        assertThat(changes.changes().get(6).operation()).isEqualTo(OutboxOperation.DELETE);
        assertThat(changes.changes().get(50).operation()).isEqualTo(OutboxOperation.INSERT);
    }

    @Test
    void anIdRetirementIsKeptApartFromTheEntitysOwnChange() {
        changes.add(change(OutboxOperation.UPDATE, null));
        changes.add(new CapturedChange(OutboxOperation.RETIRE, "Customer", 1L, "1", RecordType.CONTACT, "webshop", "old-1", null));
        changes.add(new CapturedChange(OutboxOperation.RETIRE, "Customer", 1L, "1", RecordType.CONTACT, "webshop", "old-1", null));

        assertThat(changes.changes()).extracting(CapturedChange::operation)
                .containsExactly(OutboxOperation.UPDATE, OutboxOperation.RETIRE);
    }

    @Test
    void aListHandedOutIsNotChangedByLaterChanges() {
        changes.add(change(OutboxOperation.UPDATE, Set.of("email")));
        var handedOut = changes.changes();

        changes.add(customer(OutboxOperation.UPDATE, 2L, Set.of("email")));
        changes.add(change(OutboxOperation.DELETE, null));

        assertThat(handedOut).singleElement().satisfies(c -> assertThat(c.operation()).isEqualTo(OutboxOperation.UPDATE));
        assertThat(changes.changes()).extracting(CapturedChange::operation)
                .containsExactly(OutboxOperation.DELETE, OutboxOperation.UPDATE);
    }

    private static CapturedChange customer(OutboxOperation operation, long id, Set<String> changed) {
        return new CapturedChange(operation, "Customer", id, Long.toString(id), RecordType.CONTACT, "webshop", Long.toString(id), changed);
    }

    private static CapturedChange change(OutboxOperation operation, Set<String> changed) {
        return new CapturedChange(operation, "Customer", 1L, "1", RecordType.CONTACT, "webshop", "1", changed);
    }
}
