package dev.ometriasync.sample;

import dev.ometriasync.sample.shop.Customer;
import dev.ometriasync.sample.shop.OrderStatus;
import dev.ometriasync.sample.shop.Product;
import dev.ometriasync.sample.shop.PurchaseOrder;
import dev.ometriasync.sample.shop.WishlistEvent;
import dev.ometriasync.testkit.Fault;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live part of the run: ordinary business transactions on the shop, each followed until it reached
 * Ometria. Records which entities changed, for the side-by-side view.
 */
final class LiveChanges {

    /**
     * What the live changes did.
     *
     * @param changed the changed entities, in the order they changed
     * @param rolledBackSku the SKU of the product whose change was rolled back
     * @param requestsWithRolledBackProduct push requests after the rollback that carried that product (must be 0)
     */
    record Result(List<EntityRef> changed, String rolledBackSku, long requestsWithRolledBackProduct) {
    }

    private final SampleShop sample;
    private final Shop shop;
    private final PrintStream out;
    private final List<EntityRef> changed = new ArrayList<>();

    LiveChanges(SampleShop sample) {
        this.sample = sample;
        this.shop = sample.shop();
        this.out = sample.out();
    }

    Result run() {
        long newCustomer = step("sign-up: grace.hopper@example.com creates an account", () -> {
            long id = shop.signUp("grace.hopper@example.com", "Grace", "Hopper");
            return changed(Customer.class, id, "signed up");
        });
        long wished = firstProductId(0);
        step("custom event: she puts a product on her wish list", () ->
                changed(WishlistEvent.class, shop.addToWishlist(newCustomer, wished), "wishlist_added event"));
        long[] historicOrders = historicOrderIds();
        long buyer = customerOf(historicOrders[1]);
        step("e-mail change: customer " + buyer + " changes their address", () -> {
            int orders = shop.changeEmail(buyer, "new.address." + buyer + "@example.org");
            out.printf(Locale.ROOT, "     (their %d order(s) are re-sent with OmetriaSync.touch: an order carries its"
                    + " customer's e-mail)%n", orders);
            return changed(Customer.class, buyer, "e-mail changed");
        });
        if (sample.target().isSimulated()) {
            sample.target().simulator().failNext(Fault.status(429));
            out.println("     (the simulator will answer the next push with 429 Too Many Requests, to show the back-off)");
        }
        step("order placed: Grace orders two of a product", () ->
                changed(PurchaseOrder.class, shop.placeOrder(newCustomer, firstProductId(1), 2), "placed"));
        step("order cancelled: order " + historicOrders[0] + " is cancelled", () -> {
            shop.cancelOrder(historicOrders[0]);
            return changed(PurchaseOrder.class, historicOrders[0], "cancelled");
        });
        step("line added: order " + historicOrders[1] + " gets one more line", () -> {
            shop.addLine(historicOrders[1], firstProductId(2), 1);
            return changed(PurchaseOrder.class, historicOrders[1], "line added");
        });
        long productId = firstProductId(3);
        String sku = sample.factory().fromSession(s -> s.find(Product.class, productId).getSku());
        int before = sample.pushRequestsSoFar();
        out.println("   - rolled back: product " + sku + " price set to 1.00, flushed, then the transaction rolls back");
        shop.changePriceThenRollBack(productId, new BigDecimal("1.00"));
        changed(Product.class, productId, "price change rolled back");
        sample.awaitSynced();
        long carrying = sample.target().isSimulated()
                ? sample.target().simulator().pushRequests().stream().skip(before)
                        .filter(r -> r.ids().contains(sku)).count()
                : 0;
        out.printf(Locale.ROOT, "     push requests carrying %s since the rollback: %d%n", sku, carrying);
        return new Result(List.copyOf(changed), sku, carrying);
    }

    private long step(String description, Supplier<Long> change) {
        out.println("   - " + description);
        long start = System.nanoTime();
        long id = change.get();
        sample.awaitSynced();
        out.printf(Locale.ROOT, "     committed, and in Ometria %d ms later%n", (System.nanoTime() - start) / 1_000_000);
        return id;
    }

    private long changed(Class<?> type, long id, String why) {
        changed.add(new EntityRef(type, id, why));
        return id;
    }

    private long firstProductId(int index) {
        return sample.factory().fromSession(s -> s
                .createSelectionQuery("select p.id from Product p where p.active order by p.id", Long.class)
                .setFirstResult(index).setMaxResults(1).getSingleResult());
    }

    private long customerOf(long orderId) {
        return sample.factory().fromSession(s -> s.find(PurchaseOrder.class, orderId).getCustomer().getId());
    }

    private long[] historicOrderIds() {
        List<Long> ids = sample.factory().fromSession(s -> s.createSelectionQuery(
                "select o.id from PurchaseOrder o where o.status = :complete order by o.id", Long.class)
                .setParameter("complete", OrderStatus.COMPLETE)
                .setMaxResults(2).getResultList());
        return new long[] {ids.get(0), ids.get(1)};
    }
}
