package dev.ometriasync.hibernate.internal.backfill;

import dev.ometriasync.runtime.OmetriaRecord;
import dev.ometriasync.runtime.OmetriaRecords;
import dev.ometriasync.runtime.logging.EmailMasker;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.SelectionQuery;

/**
 * Reads an entity type in primary-key order, one chunk at a time, with keyset pagination
 * ({@code where id > :last order by id}): every chunk costs the same however deep into the table it is, and
 * rows inserted meanwhile are neither skipped nor read twice. One read-only session serves the whole run; each
 * chunk is read and serialized in its own short transaction and the session is cleared afterwards, so memory
 * holds one chunk, never the table. Lazy associations the serializers read (an order's line items, its
 * customer) load in batches of the chunk size, not one query per row.
 */
final class ChunkReader implements AutoCloseable {

    /** Hibernate's batch loading binds one parameter per id on most databases; stay well under every driver's limit. */
    private static final int MAX_FETCH_BATCH_SIZE = 1000;

    private final Session session;

    ChunkReader(SessionFactoryImplementor factory, int chunkSize) {
        this.session = factory.openSession();
        session.setDefaultReadOnly(true);
        session.setCacheMode(CacheMode.IGNORE);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        session.setFetchBatchSize(Math.min(chunkSize, MAX_FETCH_BATCH_SIZE));
    }

    /**
     * Reads and serializes the next rows.
     *
     * @param target the entity type
     * @param afterId the last id already read, or null to start at the beginning
     * @param limit the most rows
     * @return the chunk, empty at the end of the table
     */
    Chunk read(BackfillTarget target, Object afterId, int limit) {
        Transaction tx = session.beginTransaction();
        try {
            SelectionQuery<?> query = session.createSelectionQuery(
                    "select e from " + target.jpaEntityName() + " e" + where(target, afterId) + " order by e." + target.idAttribute(),
                    target.javaClass());
            bind(query, target, afterId);
            List<?> rows = query.setMaxResults(limit).setFetchSize(limit).setReadOnly(true).getResultList();
            List<Chunk.Item> items = new ArrayList<>(rows.size());
            Object lastId = null;
            for (Object row : rows) {
                Object id = session.getIdentifier(row);
                lastId = id;
                items.add(serialize(target, row, id));
            }
            tx.commit();
            return new Chunk(target, items, lastId);
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            session.clear();
        }
    }

    /**
     * Counts the rows still to read.
     *
     * @param target the entity type
     * @param afterId the last id already read, or null
     * @return the count
     */
    long count(BackfillTarget target, Object afterId) {
        Transaction tx = session.beginTransaction();
        try {
            SelectionQuery<Long> query = session.createSelectionQuery(
                    "select count(e) from " + target.jpaEntityName() + " e" + where(target, afterId), Long.class);
            bind(query, target, afterId);
            Long count = query.getSingleResult();
            tx.commit();
            return count;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        }
    }

    private static String where(BackfillTarget target, Object afterId) {
        List<String> conditions = new ArrayList<>(2);
        if (afterId != null) {
            conditions.add("e." + target.idAttribute() + " > :after");
        }
        if (target.changedSinceAttribute() != null) {
            conditions.add("e." + target.changedSinceAttribute() + " >= :since");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(SelectionQuery<?> query, BackfillTarget target, Object afterId) {
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        if (target.changedSinceAttribute() != null) {
            query.setParameter("since", target.changedSinceValue());
        }
    }

    private static Chunk.Item serialize(BackfillTarget target, Object entity, Object id) {
        String idText = target.idText(id);
        try {
            OmetriaRecord record = OmetriaRecords.toRecord(entity, null);
            return new Chunk.Item(idText, record, null);
        } catch (RuntimeException e) {
            return new Chunk.Item(idText, null, "could not be serialized: " + e.getClass().getSimpleName() + ": "
                    + EmailMasker.mask(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IllegalStateException e) {
            // Closing the SessionFactory is how an application stops a running backfill; once it is closed, Hibernate
            // refuses to close its sessions again, and the backfill must still return its summary.
            if (!session.getSessionFactory().isClosed()) {
                throw e;
            }
        }
    }
}
