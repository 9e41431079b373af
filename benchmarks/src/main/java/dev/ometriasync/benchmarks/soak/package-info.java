/**
 * The soak (issue 11): two application instances on one embedded PostgreSQL, in separate JVMs, change contacts,
 * products and orders for minutes while one is restarted every couple of minutes and one is killed with SIGKILL,
 * and the simulated Ometria answers some requests with 429, 503 or late; at the end Ometria must hold exactly what
 * the database holds, with no second over the account's rate. {@link dev.ometriasync.benchmarks.soak.SoakMain} is
 * the controller, {@link dev.ometriasync.benchmarks.soak.SoakWorker} an application instance.
 */
package dev.ometriasync.benchmarks.soak;
