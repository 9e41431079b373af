package dev.ometriasync.it.shop;

/** The shop's own order states, written to Ometria by name. */
public enum OrderStatus {
    PENDING, COMPLETE, CANCELLED
}
