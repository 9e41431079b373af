/**
 * The Hibernate ORM integration of ometria-sync: it starts with the {@code SessionFactory} when
 * {@code ometria.api-key} is set, captures committed creates and changes of annotated entities and pushes
 * them to Ometria. {@link dev.ometriasync.hibernate.OmetriaSettings} lists the configuration properties;
 * {@link dev.ometriasync.hibernate.OmetriaSync} is the handle for {@code touch} after writes Hibernate
 * cannot see.
 */
package dev.ometriasync.hibernate;
