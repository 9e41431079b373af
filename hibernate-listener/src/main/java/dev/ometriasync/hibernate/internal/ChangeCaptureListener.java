package dev.ometriasync.hibernate.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PostUpsertEvent;
import org.hibernate.event.spi.PostUpsertEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.proxy.HibernateProxy;

/**
 * Records which captured entities a transaction changed, and which of their attributes. It runs inside
 * Hibernate's flush, so it only notes (entity, id, changed names): reading lazy state, serializing or
 * writing the outbox here would break the flush. Everything else happens before completion.
 *
 * <p>Stateless sessions fire these events too, without dirty properties (and, before Hibernate 7.2, without
 * a session); their writes are recorded as full records.
 *
 * <p>Every event runs through the {@link CaptureGuard}: an unexpected error here never reaches the flush as
 * anything but one clear {@code OmetriaCaptureException}, or nothing at all, as the capture-failure policy says.
 */
final class ChangeCaptureListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PostUpsertEventListener, PostCollectionRecreateEventListener, PostCollectionUpdateEventListener,
        PostCollectionRemoveEventListener {

    private static final long serialVersionUID = 1L;

    /** Where recorded changes go: the runtime of the SessionFactory. */
    interface ChangeRecorder {
        /**
         * Records a change.
         *
         * @param session the session whose transaction made it, stateful or stateless, or null when Hibernate gives
         *        none (stateless sessions before 7.2)
         * @param change the change
         */
        void record(SharedSessionContractImplementor session, CapturedChange change);
    }

    private final transient EntityCatalog catalog;
    private final transient ChangeRecorder recorder;
    private final transient SessionFactoryImplementor factory;
    private final transient HibernateLine hibernate;
    private final transient CaptureGuard guard;

    ChangeCaptureListener(EntityCatalog catalog, ChangeRecorder recorder, SessionFactoryImplementor factory,
            HibernateLine hibernate, CaptureGuard guard) {
        this.catalog = catalog;
        this.recorder = recorder;
        this.factory = factory;
        this.hibernate = hibernate;
        this.guard = guard;
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        guard.run(entityName(event.getPersister()), () -> inserted(event));
    }

    @Override
    public void onPostUpsert(PostUpsertEvent event) {
        guard.run(entityName(event.getPersister()), () -> upserted(event));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        guard.run(entityName(event.getPersister()), () -> updated(event));
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        guard.run(entityName(event.getPersister()), () -> deleted(event));
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        guard.run(String.valueOf(event.getAffectedOwnerEntityName()), () -> collectionChanged(event));
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        guard.run(String.valueOf(event.getAffectedOwnerEntityName()), () -> collectionChanged(event));
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        guard.run(String.valueOf(event.getAffectedOwnerEntityName()), () -> collectionChanged(event));
    }

    private static String entityName(EntityPersister persister) {
        return persister == null ? "an entity" : persister.getEntityName();
    }

    private void inserted(PostInsertEvent event) {
        SharedSessionContractImplementor session = hibernate.session(event);
        EntityPersister persister = event.getPersister();
        CapturedType type = catalog.type(persister.getEntityName());
        if (type != null) {
            record(session, type, persister, event.getId(), event.getEntity(), OutboxOperation.INSERT, null);
        }
        lineItemChanged(session, persister, event.getEntity(), event.getState(), null);
    }

    private void upserted(PostUpsertEvent event) {
        SharedSessionContractImplementor session = hibernate.session(event);
        EntityPersister persister = event.getPersister();
        CapturedType type = catalog.type(persister.getEntityName());
        if (type != null && !type.isAppendOnly()) {
            record(session, type, persister, event.getId(), event.getEntity(), OutboxOperation.TOUCH, null);
        }
        lineItemChanged(session, persister, event.getEntity(), event.getState(), null);
    }

    private void updated(PostUpdateEvent event) {
        SharedSessionContractImplementor session = hibernate.session(event);
        EntityPersister persister = event.getPersister();
        CapturedType type = catalog.type(persister.getEntityName());
        if (type != null && !type.isAppendOnly()) {
            int[] dirty = event.getDirtyProperties();
            if (dirty == null) {
                // no dirty tracking (stateless session, or an update Hibernate did not diff): send everything
                record(session, type, persister, event.getId(), event.getEntity(), OutboxOperation.UPDATE, null);
            } else {
                String[] names = persister.getPropertyNames();
                Set<String> changed = mappedAmong(type, names, dirty);
                String retiredId = retiredOmetriaId(type, event, names, dirty);
                if (retiredId != null) {
                    // a new Ometria id is a new record there: send it whole, and retire the old one
                    record(session, type, persister, event.getId(), event.getEntity(), OutboxOperation.UPDATE, null);
                    recorder.record(session, new CapturedChange(OutboxOperation.RETIRE, type.entityName(), event.getId(),
                            IdText.format(persister, event.getId()), type.recordType(), type.collection(), retiredId, null));
                } else if (!changed.isEmpty()) {
                    record(session, type, persister, event.getId(), event.getEntity(), OutboxOperation.UPDATE, changed);
                }
            }
        }
        lineItemChanged(session, persister, event.getEntity(), event.getState(), event.getOldState());
    }

    /** The mapped attributes among the dirty ones, in the entity's order; one attribute (the usual case) in a set of one. */
    private static Set<String> mappedAmong(CapturedType type, String[] names, int[] dirty) {
        String first = null;
        Set<String> several = null;
        for (int index : dirty) {
            String name = names[index];
            if (!type.mappedProperties().contains(name)) {
                continue;
            }
            if (first == null) {
                first = name;
            } else {
                if (several == null) {
                    several = new LinkedHashSet<>();
                    several.add(first);
                }
                several.add(name);
            }
        }
        return several != null ? several : first != null ? Set.of(first) : Set.of();
    }

    /** The Ometria id the entity had before this update, when the update changed it; otherwise null. */
    private static String retiredOmetriaId(CapturedType type, PostUpdateEvent event, String[] names, int[] dirty) {
        Object[] oldState = event.getOldState();
        if (type.ometriaIdAttribute() == null || oldState == null) {
            return null; // no old state (a detached merge without select): the old id cannot be known
        }
        for (int index : dirty) {
            if (names[index].equals(type.ometriaIdAttribute())) {
                String before = OmetriaIdAttribute.text(oldState[index]);
                String after = OmetriaIdAttribute.text(event.getState()[index]);
                return before != null && !before.equals(after) ? before : null;
            }
        }
        return null;
    }

    private void deleted(PostDeleteEvent event) {
        SharedSessionContractImplementor session = hibernate.session(event);
        EntityPersister persister = event.getPersister();
        CapturedType type = catalog.type(persister.getEntityName());
        if (type != null && !type.isAppendOnly()) {
            String ometriaId = type.serializer().id(event.getEntity());
            recorder.record(session, new CapturedChange(OutboxOperation.DELETE, type.entityName(), event.getId(),
                    IdText.format(persister, event.getId()), type.recordType(), type.collection(), ometriaId, null));
        }
        lineItemChanged(session, persister, event.getEntity(), event.getDeletedState(), null);
    }

    private void collectionChanged(AbstractCollectionEvent event) {
        String ownerName = event.getAffectedOwnerEntityName();
        CapturedType type = ownerName == null ? null : catalog.type(ownerName);
        Object ownerId = event.getAffectedOwnerIdOrNull();
        if (type == null || type.isAppendOnly() || ownerId == null || event.getCollection() == null) {
            return;
        }
        String attribute = catalog.topLevelAttribute(event.getCollection().getRole());
        if (attribute == null || !type.mappedProperties().contains(attribute)) {
            return;
        }
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(ownerName);
        record(hibernate.session(event), type, persister, ownerId, event.getAffectedOwnerOrNull(), OutboxOperation.UPDATE,
                Set.of(attribute));
    }

    /** A line-item entity changed: its order (old and new, when the line moved) re-sends its lines. */
    private void lineItemChanged(SharedSessionContractImplementor session, EntityPersister persister, Object line, Object[] state, Object[] oldState) {
        List<LineItemLink> links = catalog.lineItemLinks(persister.getEntityName());
        if (links.isEmpty()) {
            return;
        }
        String[] names = persister.getPropertyNames();
        for (LineItemLink link : links) {
            int index = indexOf(names, link.ownerAttribute());
            Object owner = state != null ? state[index] : persister.getValue(line, index);
            Object oldOwner = oldState != null ? oldState[index] : null;
            orderLinesChanged(session, link, owner);
            if (oldOwner != null && !Objects.equals(ownerId(session, link, oldOwner), ownerId(session, link, owner))) {
                orderLinesChanged(session, link, oldOwner);
            }
        }
    }

    private void orderLinesChanged(SharedSessionContractImplementor session, LineItemLink link, Object owner) {
        Object id = ownerId(session, link, owner);
        if (id == null) {
            return;
        }
        CapturedType orderType = catalog.type(link.orderEntityName());
        EntityPersister orderPersister = factory.getMappingMetamodel().getEntityDescriptor(link.orderEntityName());
        record(session, orderType, orderPersister, id, null, OutboxOperation.UPDATE, link.orderLineAttributes());
    }

    private Object ownerId(SharedSessionContractImplementor session, LineItemLink link, Object owner) {
        if (owner == null) {
            return null;
        }
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(owner);
        if (lazy != null) {
            return lazy.getInternalIdentifier();
        }
        return hibernate.identifier(factory.getMappingMetamodel().getEntityDescriptor(link.orderEntityName()), owner, session);
    }

    private void record(SharedSessionContractImplementor session, CapturedType type, EntityPersister persister, Object id, Object entity,
            OutboxOperation operation, Set<String> changed) {
        if (id == null) {
            return;
        }
        String ometriaId = entity == null ? null : type.serializer().id(entity);
        recorder.record(session, new CapturedChange(operation, type.entityName(), id, IdText.format(persister, id),
                type.recordType(), type.collection(), ometriaId, changed));
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("attribute " + name + " not found among " + String.join(", ", names));
    }
}
