package dev.ometriasync.sample.shop;

/** The shop's order states, written to Ometria's {@code status} by name. */
public enum OrderStatus {
    PENDING, COMPLETE, CANCELLED
}
