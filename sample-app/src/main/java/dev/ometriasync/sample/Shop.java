package dev.ometriasync.sample;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.OrderLine;
import dev.ometriasync.sample.shop.OrderStatus;
import dev.ometriasync.sample.shop.PostalAddress;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import dev.ometriasync.sample.shop.WishlistEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * The shop's business operations, each one plain JPA code in its own transaction, exactly as the shop
 * would write it without ometria-sync: the integration sees the changes by itself and sends them after
 * commit. The one exception is {@link #changeEmail}, which also re-sends the orders that copy the e-mail.
 */
final class Shop {

    private final SessionFactory factory;
    private final OmetriaSync sync;
    private final Clock clock;

    Shop(SessionFactory factory, OmetriaSync sync, Clock clock) {
        this.factory = factory;
        this.sync = sync;
        this.clock = clock;
    }

    /**
     * A new customer signs up.
     *
     * @return the new customer's id
     */
    long signUp(String email, String firstName, String lastName) {
        requireText(email, "e-mail address");
        return factory.fromTransaction(session -> {
            long existing = session.createSelectionQuery("select count(c) from Customer c", Long.class).getSingleResult();
            Customer customer = new Customer();
            customer.setAccountRef(String.format(Locale.ROOT, "ACC-%05d", existing + 1));
            customer.setEmail(email);
            customer.setFirstName(firstName);
            customer.setLastName(lastName);
            customer.setMarketingOptin(MarketingOptin.EXPLICITLY_OPTEDIN);
            customer.setCreatedAt(now());
            session.persist(customer);
            return customer.getId();
        });
    }

    /**
     * A customer changes their e-mail address: Ometria receives a partial contact record with just that
     * field. Every order carries a copy of its customer ({@code id}, {@code email}, names), which the
     * integration does not re-send by itself when the customer changes; the shop asks for it with
     * {@link OmetriaSync#touch(jakarta.persistence.EntityManager, Class, Object...)}, in the same transaction.
     *
     * @return how many of the customer's orders are re-sent
     */
    int changeEmail(long customerId, String newEmail) {
        requireText(newEmail, "e-mail address");
        return factory.fromTransaction(session -> {
            Customer customer = find(session, Customer.class, customerId, "customer");
            customer.setEmail(newEmail);
            customer.setUpdatedAt(now());
            List<Long> orders = session.createSelectionQuery(
                    "select o.id from PurchaseOrder o where o.customer = :customer order by o.id", Long.class)
                    .setParameter("customer", customer).getResultList();
            if (!orders.isEmpty()) {
                sync.touch(session, PurchaseOrder.class, orders.toArray());
            }
            return orders.size();
        });
    }

    /**
     * A customer orders a product; the order starts complete (paid) with one line.
     *
     * @return the new order's id
     */
    long placeOrder(long customerId, long productId, int quantity) {
        requirePositive(quantity);
        return factory.fromTransaction(session -> {
            Customer customer = find(session, Customer.class, customerId, "customer");
            Product product = find(session, Product.class, productId, "product");
            PurchaseOrder order = new PurchaseOrder();
            order.setCustomer(customer);
            order.setPlacedAt(now().atOffset(ZoneOffset.UTC));
            order.setCurrency("GBP");
            order.setStatus(OrderStatus.COMPLETE);
            order.setShippingAddress(address(customer));
            order.setBillingAddress(address(customer));
            order.addLine(new OrderLine(product, quantity, product.getPrice()));
            session.persist(order);
            return order.getId();
        });
    }

    /** An order is cancelled: Ometria keeps it, marked {@code CANCELLED} and {@code is_valid: false}. */
    void cancelOrder(long orderId) {
        factory.inTransaction(session -> {
            PurchaseOrder order = find(session, PurchaseOrder.class, orderId, "order");
            order.setStatus(OrderStatus.CANCELLED);
            order.setValid(false);
            order.setUpdatedAt(now().atOffset(ZoneOffset.UTC));
        });
    }

    /**
     * A line is added to an existing order: Ometria receives the order's new {@code lineitems} and total.
     *
     * @return the new line's id
     */
    long addLine(long orderId, long productId, int quantity) {
        requirePositive(quantity);
        return factory.fromTransaction(session -> {
            PurchaseOrder order = find(session, PurchaseOrder.class, orderId, "order");
            Product product = find(session, Product.class, productId, "product");
            OrderLine line = new OrderLine(product, quantity, product.getPrice());
            order.addLine(line);
            order.setUpdatedAt(now().atOffset(ZoneOffset.UTC));
            session.persist(line);
            return line.getId();
        });
    }

    /**
     * A customer puts a product on their wish list: a custom event, sent once.
     *
     * @return the event's id
     */
    long addToWishlist(long customerId, long productId) {
        return factory.fromTransaction(session -> {
            Customer customer = find(session, Customer.class, customerId, "customer");
            Product product = find(session, Product.class, productId, "product");
            WishlistEvent event = new WishlistEvent(customer, product, now());
            session.persist(event);
            return event.getId();
        });
    }

    /**
     * Changes a product's price, flushes it to the database, then rolls the transaction back (as a failed
     * checkout would): nothing may reach Ometria.
     */
    void changePriceThenRollBack(long productId, BigDecimal price) {
        try (Session session = factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                Product product = find(session, Product.class, productId, "product");
                product.setPrice(price);
                product.setUpdatedAt(now());
                session.flush();
            } finally {
                transaction.rollback();
            }
        }
    }

    private static PostalAddress address(Customer customer) {
        return new PostalAddress(customer.getFirstName(), customer.getLastName(), "1 Sample Street", "London",
                "N1 9GU", "GB");
    }

    private static <T> T find(Session session, Class<T> type, long id, String what) {
        T entity = session.find(type, id);
        if (entity == null) {
            throw new ShopException("no " + what + " with id " + id);
        }
        return entity;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ShopException("the " + what + " must not be empty");
        }
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new ShopException("the quantity must be at least 1, was " + quantity);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A request the shop refuses, with a message for the person who made it. */
    static final class ShopException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ShopException(String message) {
            super(message);
        }
    }
}
