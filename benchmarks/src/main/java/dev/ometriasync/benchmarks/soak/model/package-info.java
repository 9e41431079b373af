/**
 * The soak's entities: contacts, products, orders with line items (all mapped for Ometria, with the delete
 * policies a shop would choose) and the tombstones the soak's own bookkeeping writes when it deletes one.
 */
package dev.ometriasync.benchmarks.soak.model;
