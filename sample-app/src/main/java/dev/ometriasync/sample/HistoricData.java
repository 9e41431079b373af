package dev.ometriasync.sample;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.OrderLine;
import dev.ometriasync.sample.shop.OrderStatus;
import dev.ometriasync.sample.shop.PostalAddress;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Fills the shop with the history it had before ometria-sync was added: products, customers and their
 * orders. The data is generated from a fixed seed, so every run holds the same rows.
 */
final class HistoricData {

    /** How much history to create. */
    record Size(int products, int customers, int orders) {

        /** A few hundred of each: enough for several full push requests per type. */
        static final Size DEFAULT = new Size(120, 300, 400);

        /** The scripted live changes need four products and two orders. */
        Size {
            if (products < 4 || customers < 1 || orders < 2) {
                throw new IllegalArgumentException("need at least 4 products, 1 customer and 2 orders, not "
                        + products + ", " + customers + ", " + orders);
            }
        }

        int total() {
            return products + customers + orders;
        }
    }

    /** The shop opened for business on this day; history lies between it and {@link #END}. */
    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2025-01-01T00:00:00Z");

    private static final String[] FIRST_NAMES = {"Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances",
        "Niklaus", "Margaret", "Ken", "Radia", "Tony", "Sophie", "Dennis", "Shafi", "John", "Karen", "Leslie"};
    private static final String[] LAST_NAMES = {"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth",
        "Allen", "Wirth", "Hamilton", "Thompson", "Perlman", "Hoare", "Wilson", "Ritchie", "Goldwasser", "Backus"};
    private static final String[] ADJECTIVES = {"Linen", "Woollen", "Cotton", "Leather", "Canvas", "Silk", "Denim",
        "Velvet", "Tweed", "Cashmere"};
    private static final String[] GARMENTS = {"Shirt", "Scarf", "Jacket", "Tote Bag", "Hat", "Sweater", "Trousers",
        "Dress", "Coat", "Gloves", "Socks", "Belt"};
    private static final String[] CITIES = {"London", "Manchester", "Leeds", "Bristol", "Edinburgh", "Cardiff", "Belfast"};
    private static final String[] TIERS = {"bronze", "silver", "gold"};

    private final Random random = new Random(20250101L);

    /**
     * Writes the history in one transaction per type.
     *
     * @param factory a SessionFactory without ometria-sync (the shop before it adopted it)
     * @param size how many rows
     */
    void seed(SessionFactory factory, Size size) {
        List<Product> products = new ArrayList<>();
        factory.inTransaction(session -> {
            for (int i = 1; i <= size.products(); i++) {
                products.add(persist(session, product(i), i));
            }
        });
        List<Customer> customers = new ArrayList<>();
        factory.inTransaction(session -> {
            for (int i = 1; i <= size.customers(); i++) {
                customers.add(persist(session, customer(i), i));
            }
        });
        factory.inTransaction(session -> {
            // The last tenth of the customers never ordered.
            int buyers = Math.max(1, size.customers() - size.customers() / 10);
            for (int i = 1; i <= size.orders(); i++) {
                PurchaseOrder order = order(session, customers.get(random.nextInt(buyers)), products);
                order.setStatus(i % 10 == 0 ? OrderStatus.PENDING : OrderStatus.COMPLETE);
                persist(session, order, i);
            }
        });
    }

    private static <T> T persist(Session session, T entity, int count) {
        session.persist(entity);
        if (count % 50 == 0) {
            session.flush();
            session.clear();
        }
        return entity;
    }

    private Product product(int number) {
        Product product = new Product();
        product.setSku(String.format(Locale.ROOT, "SKU-%04d", number));
        String title = pick(ADJECTIVES) + " " + pick(GARMENTS);
        product.setTitle(title);
        product.setPrice(BigDecimal.valueOf(900 + random.nextInt(15_000), 2));
        product.setUrl("https://shop.example.com/p/" + product.getSku().toLowerCase(Locale.ROOT));
        product.setActive(number % 20 != 0);
        product.setCreatedAt(moment());
        return product;
    }

    private Customer customer(int number) {
        Customer customer = new Customer();
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        customer.setAccountRef(String.format(Locale.ROOT, "ACC-%05d", number));
        customer.setEmail((first + "." + last + "." + number + "@example.com").toLowerCase(Locale.ROOT));
        customer.setFirstName(first);
        customer.setLastName(last);
        customer.setMarketingOptin(MarketingOptin.values()[random.nextInt(MarketingOptin.values().length)]);
        customer.setLoyaltyTier(random.nextInt(3) == 0 ? null : pick(TIERS));
        customer.setCreatedAt(moment());
        return customer;
    }

    private PurchaseOrder order(Session session, Customer buyer, List<Product> products) {
        PurchaseOrder order = new PurchaseOrder();
        order.setCustomer(session.getReference(Customer.class, buyer.getId()));
        order.setPlacedAt(moment().atOffset(ZoneOffset.UTC));
        order.setCurrency("GBP");
        order.setGiftWrap(random.nextInt(8) == 0);
        String street = (1 + random.nextInt(200)) + " High Street";
        String city = pick(CITIES);
        order.setShippingAddress(new PostalAddress(buyer.getFirstName(), buyer.getLastName(), street, city, "AB1 2CD", "GB"));
        order.setBillingAddress(new PostalAddress(buyer.getFirstName(), buyer.getLastName(), street, city, "AB1 2CD", "GB"));
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            Product product = products.get(random.nextInt(products.size()));
            order.addLine(new OrderLine(session.getReference(Product.class, product.getId()), 1 + random.nextInt(3),
                    product.getPrice()));
        }
        return order;
    }

    private Instant moment() {
        long span = Duration.between(START, END).toSeconds();
        return START.plusSeconds((long) (random.nextDouble() * span));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
