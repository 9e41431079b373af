package dev.ometriasync.bootcheck.shop;

/** The payment provider refused a charge; the order transaction rolls back. */
public class PaymentDeclinedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentDeclinedException(String message) {
        super(message);
    }
}
