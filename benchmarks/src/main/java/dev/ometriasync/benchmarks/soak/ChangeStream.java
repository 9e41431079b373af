package dev.ometriasync.benchmarks.soak;

import dev.ometriasync.annotation.MarketingOptin;
import dev.ometriasync.benchmarks.soak.model.SoakContact;
import dev.ometriasync.benchmarks.soak.model.SoakOrder;
import dev.ometriasync.benchmarks.soak.model.SoakOrderLine;
import dev.ometriasync.benchmarks.soak.model.SoakProduct;
import dev.ometriasync.benchmarks.soak.model.SoakTombstone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * A steady stream of business transactions from several threads: contacts, products and orders (with lines) are
 * created, updated and deleted, some transactions roll back on purpose, and the two instances of the soak pick
 * entities at random from the shared tables, so they also collide (a collision rolls back and is counted, as an
 * application would retry or report it). Every delete also writes a {@link SoakTombstone} in the same transaction.
 */
final class ChangeStream {

    private static final String[] COUNTRIES = {"GB", "FR", "DE", "US", "ES", "IT"};
    private static final String[] CURRENCIES = {"GBP", "EUR", "USD"};
    private static final String[] STATUSES = {"pending", "processing", "complete", "cancelled", "closed"};
    private static final String[] NAMES = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
        "Margaret", "Niklaus", "Radia", "Tony"};

    private final SessionFactory factory;
    private final String instance;
    private final int threads;
    private final double transactionsPerSecond;
    private final long seed;
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder committed = new LongAdder();
    private final LongAdder rolledBackOnPurpose = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param factory the instance's SessionFactory
     * @param instance a name unique to this JVM, used in the ids it creates
     * @param threads threads changing data
     * @param transactionsPerSecond target for all threads together
     * @param seed seed of the random choices
     */
    ChangeStream(SessionFactory factory, String instance, int threads, double transactionsPerSecond, long seed) {
        this.factory = factory;
        this.instance = instance;
        this.threads = threads;
        this.transactionsPerSecond = transactionsPerSecond;
        this.seed = seed;
    }

    synchronized void start() {
        for (int i = 0; i < threads; i++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + i);
            Thread thread = new Thread(() -> run(random), "soak-changes-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
    }

    /** Stops changing data and waits for the transactions under way. */
    synchronized void stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : running) {
            thread.join(60_000);
        }
        running.clear();
    }

    long committed() {
        return committed.sum();
    }

    long rolledBackOnPurpose() {
        return rolledBackOnPurpose.sum();
    }

    /** @return failed transactions by exception class (collisions between instances, mostly) */
    Map<String, Long> failures() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        failures.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }

    private void run(SplittableRandom random) {
        long pauseNanos = (long) (threads / transactionsPerSecond * 1e9);
        while (!stopping) {
            long started = System.nanoTime();
            oneTransaction(random);
            long wait = (long) (pauseNanos * (0.5 + random.nextDouble())) - (System.nanoTime() - started);
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void oneTransaction(SplittableRandom random) {
        int dice = random.nextInt(100);
        boolean rollback = dice < 2;
        Session session = factory.openSession();
        Transaction transaction = null;
        try {
            transaction = session.beginTransaction();
            if (rollback) {
                createContact(session, random);
                createOrder(session, random);
                session.flush();
                transaction.rollback();
                rolledBackOnPurpose.increment();
                return;
            }
            change(session, random, dice);
            transaction.commit();
            committed.increment();
        } catch (RuntimeException e) {
            failures.computeIfAbsent(rootCause(e), name -> {
                System.err.println("soak: first " + name + " in a transaction (counted, not fatal): " + e);
                e.printStackTrace(System.err);
                return new LongAdder();
            }).increment();
            if (transaction != null && transaction.isActive()) {
                try {
                    transaction.rollback();
                } catch (RuntimeException ignored) {
                    // the connection may be gone; the transaction is over either way
                }
            }
        } finally {
            session.close();
        }
    }

    private void change(Session session, SplittableRandom random, int dice) {
        if (dice < 14) {
            createContact(session, random);
        } else if (dice < 38) {
            SoakContact contact = pick(session, SoakContact.class, random);
            if (contact == null) {
                createContact(session, random);
            } else {
                updateContact(contact, random);
            }
        } else if (dice < 41) {
            SoakContact contact = pick(session, SoakContact.class, random);
            if (contact != null) {
                session.remove(contact);
                session.persist(new SoakTombstone("contact", contact.getId().toString()));
            }
        } else if (dice < 46) {
            createProduct(session, random);
        } else if (dice < 52) {
            SoakProduct product = pick(session, SoakProduct.class, random);
            if (product == null) {
                createProduct(session, random);
            } else if (random.nextBoolean()) {
                product.setTitle(title(random));
            } else {
                product.setPrice(money(random, 5, 200));
            }
        } else if (dice < 54) {
            SoakProduct product = pick(session, SoakProduct.class, random);
            if (product != null) {
                session.remove(product);
                session.persist(new SoakTombstone("product", product.getId()));
            }
        } else if (dice < 66) {
            createOrder(session, random);
        } else if (dice < 80) {
            SoakOrder order = pick(session, SoakOrder.class, random);
            if (order == null) {
                createOrder(session, random);
            } else {
                updateOrder(order, random);
            }
        } else if (dice < 97) {
            SoakOrder order = pick(session, SoakOrder.class, random);
            if (order == null) {
                createOrder(session, random);
            } else {
                changeLines(session, order, random);
            }
        } else {
            SoakOrder order = pick(session, SoakOrder.class, random);
            if (order != null) {
                session.remove(order);
                session.persist(new SoakTombstone("order", order.getId()));
            }
        }
    }

    private void createContact(Session session, SplittableRandom random) {
        SoakContact contact = new SoakContact();
        contact.setEmail("soak." + instance.toLowerCase(java.util.Locale.ROOT) + "." + sequence.incrementAndGet()
                + "@example.com");
        contact.setFirstName(NAMES[random.nextInt(NAMES.length)]);
        contact.setLastName(NAMES[random.nextInt(NAMES.length)] + "son");
        contact.setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)]);
        contact.setOptin(MarketingOptin.NOT_SPECIFIED);
        contact.setAcquiredAt(now());
        if (random.nextBoolean()) {
            contact.setBirthDate(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)));
        }
        session.persist(contact);
    }

    private static void updateContact(SoakContact contact, SplittableRandom random) {
        int fields = 1 + random.nextInt(3);
        for (int i = 0; i < fields; i++) {
            switch (random.nextInt(6)) {
                case 0 -> contact.setFirstName(NAMES[random.nextInt(NAMES.length)] + random.nextInt(100));
                case 1 -> contact.setMiddleName(random.nextInt(3) == 0 ? null : NAMES[random.nextInt(NAMES.length)]);
                case 2 -> contact.setLastName(NAMES[random.nextInt(NAMES.length)] + "sen");
                case 3 -> contact.setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)]);
                case 4 -> contact.setOptin(MarketingOptin.values()[random.nextInt(MarketingOptin.values().length)]);
                default -> contact.setBirthDate(random.nextInt(3) == 0 ? null
                        : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)));
            }
        }
    }

    private void createProduct(Session session, SplittableRandom random) {
        SoakProduct product = new SoakProduct("SP-" + instance + "-" + sequence.incrementAndGet());
        product.setTitle(title(random));
        product.setPrice(money(random, 5, 200));
        session.persist(product);
    }

    private void createOrder(Session session, SplittableRandom random) {
        SoakOrder order = new SoakOrder("SO-" + instance + "-" + sequence.incrementAndGet());
        order.setPlacedAt(now());
        order.setStatus("pending");
        order.setCurrency(CURRENCIES[random.nextInt(CURRENCIES.length)]);
        int lines = 1 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            order.addLine(newLine(session, random));
        }
        order.setGrandTotal(total(order));
        session.persist(order);
    }

    private static void updateOrder(SoakOrder order, SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0 -> order.setStatus(STATUSES[random.nextInt(STATUSES.length)]);
            case 1 -> order.setCouponCode(random.nextInt(3) == 0 ? null : "SAVE" + random.nextInt(50));
            default -> {
                order.setStatus(STATUSES[random.nextInt(STATUSES.length)]);
                order.setGrandTotal(total(order).add(money(random, 0, 10)));
            }
        }
    }

    private void changeLines(Session session, SoakOrder order, SplittableRandom random) {
        List<SoakOrderLine> lines = order.getLines();
        int choice = random.nextInt(3);
        if (choice == 0 || lines.isEmpty()) {
            order.addLine(newLine(session, random));
        } else if (choice == 1 || lines.size() == 1) {
            SoakOrderLine line = lines.get(random.nextInt(lines.size()));
            line.setQuantity(1 + random.nextInt(9));
        } else {
            lines.remove(random.nextInt(lines.size()));
        }
        order.setGrandTotal(total(order));
    }

    private SoakOrderLine newLine(Session session, SplittableRandom random) {
        SoakProduct product = pick(session, SoakProduct.class, random);
        String productId = product == null ? "SP-NONE-" + random.nextInt(10) : product.getId();
        BigDecimal price = product == null || product.getPrice() == null ? money(random, 5, 200) : product.getPrice();
        return new SoakOrderLine(productId, 1 + random.nextInt(5), price);
    }

    private static BigDecimal total(SoakOrder order) {
        BigDecimal total = BigDecimal.ZERO;
        for (SoakOrderLine line : order.getLines()) {
            total = total.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    /** @return a random row, or null when the table is empty; count then offset, cheap at the soak's sizes */
    private static <T> T pick(Session session, Class<T> type, SplittableRandom random) {
        String entity = type.getSimpleName();
        long count = session.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
        if (count == 0) {
            return null;
        }
        List<T> found = session.createQuery("from " + entity + " e order by e.id", type)
                .setFirstResult((int) random.nextLong(count))
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static String title(SplittableRandom random) {
        return "Soak product " + NAMES[random.nextInt(NAMES.length)] + " " + random.nextInt(1000);
    }

    private static BigDecimal money(SplittableRandom random, int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100 + 1), 2);
    }

    private static Instant now() {
        // Whole seconds: what a timestamp field means to Ometria, and the same in every form it can take.
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
