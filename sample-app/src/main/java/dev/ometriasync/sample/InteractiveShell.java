package dev.ometriasync.sample;

import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import dev.ometriasync.sample.shop.WishlistEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The interactive mode: a small command prompt that changes the shop and shows, after each change, what
 * Ometria holds next to the database. It reads commands until {@code quit} or the end of input.
 */
final class InteractiveShell {

    static final String HELP = String.join(System.lineSeparator(),
            "  signup <email> [first] [last]        a new customer signs up",
            "  email <customerId> <new-email>       a customer changes their e-mail address",
            "  order <customerId> <productId> <qty> a customer places an order",
            "  addline <orderId> <productId> <qty>  a line is added to an order",
            "  cancel <orderId>                     an order is cancelled (status CANCELLED, is_valid false)",
            "  wish <customerId> <productId>        a wishlist_added custom event",
            "  show <customer|product|order|event> <id>   the database's record next to Ometria's",
            "  list <customers|products|orders> [n] the first n rows (default 5), newest first",
            "  verify                               compare every synced entity with Ometria",
            "  report                               push requests since the prompt started",
            "  help, quit");

    private static final Map<String, Class<?>> TYPES = Map.of(
            "customer", Customer.class, "product", Product.class, "order", PurchaseOrder.class, "event", WishlistEvent.class);

    private final SampleShop sample;
    private final PrintStream out;
    private final SideBySideView view;
    private final int firstRequest;

    InteractiveShell(SampleShop sample) {
        this.sample = sample;
        this.out = sample.out();
        this.view = new SideBySideView(out);
        this.firstRequest = sample.pushRequestsSoFar();
    }

    /**
     * Reads and runs commands until {@code quit} or the end of the input.
     *
     * @param input the commands, one per line
     * @return how many commands failed
     */
    int run(Reader input) throws IOException {
        out.println();
        out.println("Interactive mode. Every change is committed, followed until it reached Ometria, and shown. Commands:");
        out.println(HELP);
        BufferedReader lines = new BufferedReader(input);
        int failures = 0;
        while (true) {
            out.print("shop> ");
            out.flush();
            String line = lines.readLine();
            if (line == null) {
                out.println();
                return failures;
            }
            List<String> words = Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty()) {
                continue;
            }
            if (words.get(0).equals("quit") || words.get(0).equals("exit")) {
                return failures;
            }
            try {
                execute(words);
            } catch (Shop.ShopException | IllegalArgumentException | IllegalStateException e) {
                failures++;
                out.println("  error: " + e.getMessage());
            }
        }
    }

    private void execute(List<String> words) {
        String command = words.get(0).toLowerCase(Locale.ROOT);
        Shop shop = sample.shop();
        switch (command) {
            case "help" -> out.println(HELP);
            case "signup" -> {
                args(words, 1, 3, "signup <email> [first] [last]");
                long id = shop.signUp(words.get(1), word(words, 2), word(words, 3));
                changed(Customer.class, id, "signed up");
            }
            case "email" -> {
                args(words, 2, 2, "email <customerId> <new-email>");
                long id = number(words.get(1), "customerId");
                int orders = shop.changeEmail(id, words.get(2));
                changed(Customer.class, id, "e-mail changed; " + orders + " order(s) re-sent with it");
            }
            case "order" -> {
                args(words, 3, 3, "order <customerId> <productId> <qty>");
                long id = shop.placeOrder(number(words.get(1), "customerId"), number(words.get(2), "productId"),
                        (int) number(words.get(3), "qty"));
                changed(PurchaseOrder.class, id, "placed");
            }
            case "addline" -> {
                args(words, 3, 3, "addline <orderId> <productId> <qty>");
                long id = number(words.get(1), "orderId");
                shop.addLine(id, number(words.get(2), "productId"), (int) number(words.get(3), "qty"));
                changed(PurchaseOrder.class, id, "line added");
            }
            case "cancel" -> {
                args(words, 1, 1, "cancel <orderId>");
                long id = number(words.get(1), "orderId");
                shop.cancelOrder(id);
                changed(PurchaseOrder.class, id, "cancelled");
            }
            case "wish" -> {
                args(words, 2, 2, "wish <customerId> <productId>");
                long id = shop.addToWishlist(number(words.get(1), "customerId"), number(words.get(2), "productId"));
                changed(WishlistEvent.class, id, "wishlist_added event");
            }
            case "show" -> {
                args(words, 2, 2, "show <customer|product|order|event> <id>");
                show(EntityRef.of(type(words.get(1)), number(words.get(2), "id")), "");
            }
            case "list" -> {
                args(words, 1, 2, "list <customers|products|orders> [n]");
                list(words.get(1), words.size() > 2 ? (int) number(words.get(2), "n") : 5);
            }
            case "verify" -> verify();
            case "report" -> {
                sample.report("this session", firstRequest).print(out);
                out.printf(Locale.ROOT, "  outbox: %d pending, %d dead%n", sample.sync().pendingOutboxRows(),
                        sample.sync().deadOutboxRows());
            }
            default -> throw new IllegalArgumentException("unknown command '" + command + "'; type help");
        }
    }

    private void changed(Class<?> type, long id, String why) {
        long start = System.nanoTime();
        sample.awaitSynced();
        out.printf(Locale.ROOT, "  synced in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        show(EntityRef.of(type, id), why);
    }

    private void show(EntityRef ref, String why) {
        RecordComparison comparison = sample.comparison().compare(ref);
        view.print(comparison, sample.target().isSimulated(), why, sample.comparison().refusals(comparison));
    }

    private void verify() {
        if (!sample.target().isSimulated()) {
            throw new IllegalStateException("a real account's state cannot be read back; verify needs the simulator");
        }
        boolean all = true;
        for (StateComparison.TypeResult result : sample.comparison().compareAll().values()) {
            out.printf(Locale.ROOT, "  %-14s %4d rows, %4d records in Ometria: %s%n", result.entity(), result.compared(),
                    result.heldByOmetria(), result.allMatch() ? "all identical" : result.mismatches().size() + " differ");
            result.mismatches().stream().limit(3).forEach(m -> view.print(m, true, "differs"));
            all &= result.allMatch();
        }
        out.println(all ? "  VERIFIED: Ometria's state equals the database for every synced entity."
                : "  NOT VERIFIED: see the differences above.");
    }

    private void list(String what, int count) {
        String query = switch (what) {
            case "customers", "customer" -> "select c.id, c.email, c.firstName || ' ' || c.lastName from Customer c order by c.id desc";
            case "products", "product" -> "select p.id, p.sku, p.title || ' ' || cast(p.price as String) from Product p order by p.id desc";
            case "orders", "order" -> "select o.id, cast(o.status as String), c.email from PurchaseOrder o join o.customer c order by o.id desc";
            default -> throw new IllegalArgumentException("list customers, products or orders");
        };
        List<Object[]> rows = sample.factory().fromSession(s -> s.createSelectionQuery(query, Object[].class)
                .setMaxResults(count).getResultList());
        rows.forEach(row -> out.printf(Locale.ROOT, "  %6s  %-34s %s%n", row[0], row[1], row[2]));
    }

    private static Class<?> type(String name) {
        Class<?> type = TYPES.get(name.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("unknown type '" + name + "': use customer, product, order or event");
        }
        return type;
    }

    private static void args(List<String> words, int min, int max, String usage) {
        int given = words.size() - 1;
        if (given < min || given > max) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }

    private static String word(List<String> words, int index) {
        return index < words.size() ? words.get(index) : null;
    }

    private static long number(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, was '" + text + "'");
        }
    }
}
