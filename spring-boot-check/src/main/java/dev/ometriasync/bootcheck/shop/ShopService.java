package dev.ometriasync.bootcheck.shop;

import dev.ometriasync.annotation.MarketingOptin;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's business operations, each one Spring-managed transaction. Nothing here knows about Ometria: the
 * Hibernate integration captures the changes.
 */
@Service
public class ShopService {

    private final CustomerRepository customers;
    private final ProductRepository products;
    private final PurchaseOrderRepository orders;
    private final Clock clock = Clock.systemUTC();

    public ShopService(CustomerRepository customers, ProductRepository products, PurchaseOrderRepository orders) {
        this.customers = customers;
        this.products = products;
        this.orders = orders;
    }

    @Transactional
    public Product addProduct(String sku, String title, BigDecimal price) {
        return products.save(new Product(sku, title, price));
    }

    @Transactional
    public Customer signUp(String accountRef, String email, String firstName, String lastName, boolean marketing) {
        Customer customer = new Customer(accountRef, email, firstName, lastName,
                marketing ? MarketingOptin.EXPLICITLY_OPTEDIN : MarketingOptin.NOT_SPECIFIED, Instant.now(clock));
        customer.setLoyaltyTier("bronze");
        return customers.save(customer);
    }

    /**
     * Places an order for the given quantities of products.
     *
     * @param accountRef the customer's account
     * @param quantities SKU to quantity, in line order
     * @return the new order's id
     */
    @Transactional
    public Long placeOrder(String accountRef, Map<String, Integer> quantities) {
        Customer customer = customers.findByAccountRef(accountRef).orElseThrow();
        PurchaseOrder order = new PurchaseOrder(customer, "GBP", OffsetDateTime.now(clock));
        quantities.forEach((sku, quantity) -> order.addLine(new OrderLine(product(sku), quantity)));
        customer.setUpdatedAt(Instant.now(clock));
        return orders.save(order).getId();
    }

    @Transactional
    public void addLine(Long orderId, String sku, int quantity) {
        order(orderId).addLine(new OrderLine(product(sku), quantity));
    }

    @Transactional
    public void cancel(Long orderId) {
        order(orderId).cancel();
    }

    /**
     * Places an order and charges it in one transaction; a declined payment rolls everything back, including
     * the customer's tier upgrade that the order earned. The changes are flushed before the charge, so
     * Hibernate has already executed (and ometria-sync has already seen) the inserts and the update.
     *
     * @param accountRef the customer's account
     * @param quantities SKU to quantity
     * @param declined whether the payment provider declines
     * @return the new order's id
     */
    @Transactional
    public Long placeOrderAndCharge(String accountRef, Map<String, Integer> quantities, boolean declined) {
        Customer customer = customers.findByAccountRef(accountRef).orElseThrow();
        customer.setLoyaltyTier("gold");
        customer.setEmail(customer.getEmail().replace("@", "+vip@"));
        PurchaseOrder order = new PurchaseOrder(customer, "GBP", OffsetDateTime.now(clock));
        quantities.forEach((sku, quantity) -> order.addLine(new OrderLine(product(sku), quantity)));
        Long id = orders.saveAndFlush(order).getId();
        if (declined) {
            throw new PaymentDeclinedException("card declined for order " + id);
        }
        return id;
    }

    private Product product(String sku) {
        return products.findBySku(sku).orElseThrow(() -> new NoSuchElementException("no product " + sku));
    }

    private PurchaseOrder order(Long id) {
        return orders.findById(id).orElseThrow(() -> new NoSuchElementException("no order " + id));
    }
}
