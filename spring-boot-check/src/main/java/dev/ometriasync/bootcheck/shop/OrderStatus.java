package dev.ometriasync.bootcheck.shop;

/** Where an order stands; sent to Ometria by name. */
public enum OrderStatus {
    PLACED, SHIPPED, CANCELLED
}
