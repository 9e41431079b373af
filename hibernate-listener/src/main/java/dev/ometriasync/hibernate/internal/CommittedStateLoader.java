package dev.ometriasync.hibernate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads the committed state of changed entities and turns it into records: one read-only session of its own per
 * batch (one multi-load per type, lazy associations batch-fetched), serialized while that session is open. Shared
 * by the outbox relay (rows from the table) and direct mode's after-commit reader (changes noted in memory), so
 * that both send exactly the same thing for the same change.
 *
 * <p>Per-row isolation: when the batch fails as a whole for a reason that is not the database connection (one
 * entity a converter refuses to load, say), it is retried entity by entity, so that only the failing entity's
 * changes fail. A failure of the connection is never one entity's fault: those changes are handed back to the
 * caller as an infrastructure failure, to be retried without counting an attempt.
 */
final class CommittedStateLoader {

    private final SessionFactoryImplementor factory;
    private final RecordAssembler assembler;
    private final int fetchBatchSize;

    CommittedStateLoader(SessionFactoryImplementor factory, RecordAssembler assembler, int fetchBatchSize) {
        this.factory = factory;
        this.assembler = assembler;
        this.fetchBatchSize = fetchBatchSize;
    }

    /**
     * Loads and serializes a batch.
     *
     * @param work the changes, each with the caller's handle
     * @param infrastructureFailure receives the handles of changes that could not be read because the database
     *     failed, with the cause; none of those appears in the result
     * @param <T> the handle type
     * @return one result per entity (a record, nothing to send, or a failure of that entity's own)
     * @throws VirtualMachineError as it is
     */
    <T> List<RecordAssembler.Assembled<T>> load(List<RecordAssembler.Work<T>> work, BiConsumer<List<T>, Throwable> infrastructureFailure) {
        try {
            return loadInOneSession(work);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (InfrastructureFailures.isInfrastructure(e)) {
                infrastructureFailure.accept(tags(work), e);
                return List.of();
            }
            return loadEntityByEntity(work, infrastructureFailure);
        }
    }

    /** The fallback after a batch failed as a whole: each entity's changes in a session of their own. */
    private <T> List<RecordAssembler.Assembled<T>> loadEntityByEntity(List<RecordAssembler.Work<T>> work,
            BiConsumer<List<T>, Throwable> infrastructureFailure) {
        Map<List<String>, List<RecordAssembler.Work<T>>> byEntity = new LinkedHashMap<>();
        for (RecordAssembler.Work<T> item : work) {
            byEntity.computeIfAbsent(List.of(item.change().entityName(), item.change().entityId()), k -> new ArrayList<>()).add(item);
        }
        List<RecordAssembler.Assembled<T>> results = new ArrayList<>();
        for (Map.Entry<List<String>, List<RecordAssembler.Work<T>>> entity : byEntity.entrySet()) {
            List<RecordAssembler.Work<T>> items = entity.getValue();
            try {
                results.addAll(loadInOneSession(items));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                if (InfrastructureFailures.isInfrastructure(e)) {
                    infrastructureFailure.accept(tags(items), e);
                } else {
                    results.add(new RecordAssembler.Assembled<>(null, tags(items), entity.getKey().get(0) + "#" + entity.getKey().get(1)
                            + " could not be loaded or serialized: " + FailureText.describe(e)));
                }
            }
        }
        return results;
    }

    private <T> List<RecordAssembler.Assembled<T>> loadInOneSession(List<RecordAssembler.Work<T>> work) {
        try (Session session = factory.withOptions().openSession()) {
            session.setDefaultReadOnly(true);
            session.setCacheMode(CacheMode.IGNORE);
            session.setFetchBatchSize(fetchBatchSize);
            session.beginTransaction();
            try {
                return assembler.assemble(session, work, this::entityId);
            } finally {
                session.getTransaction().rollback(); // read-only: nothing to commit
            }
        }
    }

    /** The id as Hibernate loads it: the captured one, or parsed back from its text (outbox rows). */
    private Object entityId(CapturedChange change) {
        if (change.id() != null) {
            return change.id();
        }
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(change.entityName());
        return IdText.parse(persister, change.entityId());
    }

    private static <T> List<T> tags(List<RecordAssembler.Work<T>> work) {
        return work.stream().map(RecordAssembler.Work::tag).toList();
    }
}
