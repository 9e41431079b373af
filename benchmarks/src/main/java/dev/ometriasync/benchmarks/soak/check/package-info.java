/**
 * The soak's verdict on Ometria's final state: what the database says Ometria should hold (read with plain JDBC,
 * independently of ometria-sync's serializers), compared field by field with what the simulator holds.
 */
package dev.ometriasync.benchmarks.soak.check;
