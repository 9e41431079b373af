package dev.ometriasync.hibernate.internal;

import java.util.Set;

/**
 * How an {@code @OmetriaLineItem} entity reaches its order: the line's {@code @ManyToOne} attribute that
 * points to the order, and the order's attributes that hold its lines (re-sent whole when a line changes).
 *
 * @param ownerAttribute the line's attribute naming the order
 * @param orderEntityName the order's entity name
 * @param orderLineAttributes the order's attributes to mark changed
 */
record LineItemLink(String ownerAttribute, String orderEntityName, Set<String> orderLineAttributes) {
}
