package dev.ometriasync.bootsample;

import dev.ometriasync.bootsample.shop.Customer;
import dev.ometriasync.bootsample.shop.ShopService;
import dev.ometriasync.hibernate.OmetriaSync;
import dev.ometriasync.hibernate.OmetriaSyncStatus;
import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The sample's story: a product, a sign-up, an e-mail change and a rolled-back price change, each followed until it
 * reached Ometria (the simulator, or the real account). Prints what Ometria holds (e-mail addresses masked) and the
 * integration's status; the exit code is 0 when nothing is left pending or dead.
 */
@Component
class ShopTour implements CommandLineRunner, ExitCodeGenerator {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private final ShopService shop;
    private final OmetriaSync ometria;
    private final ObjectProvider<OmetriaSimulator> simulator;
    private final PrintStream out = System.out;
    private int exitCode;

    ShopTour(ShopService shop, OmetriaSync ometria, ObjectProvider<OmetriaSimulator> simulator) {
        this.shop = shop;
        this.ometria = ometria;
        this.simulator = simulator;
    }

    @Override
    public void run(String... args) throws InterruptedException {
        OmetriaSimulator local = simulator.getIfAvailable();
        out.println(local == null ? "Sending to your Ometria account (OMETRIA_API_KEY is set)."
                : "No OMETRIA_API_KEY: sending to an OmetriaSimulator at " + local.baseUri());

        shop.addProduct("TEE-01", "Linen tee", new BigDecimal("29.00"));
        step("product TEE-01 added", local, () -> local.record("product", "TEE-01").toString());

        Customer ada = shop.signUp("ada@example.com", "Ada", "Lovelace");
        step("Ada signed up", local, () -> contact(local, ada.getId()));

        shop.changeEmail(ada.getId(), "ada@lovelace.example");
        step("Ada's e-mail changed", local, () -> contact(local, ada.getId()));

        try {
            shop.changePriceButFail("TEE-01", new BigDecimal("19.00"));
        } catch (IllegalStateException e) {
            out.println("- price change rolled back (" + e.getMessage() + ")");
        }
        step("after the rollback, TEE-01 still", local, () -> "price " + local.record("product", "TEE-01").path("price"));

        OmetriaSyncStatus status = ometria.status();
        out.println("ometria-sync: " + status.sentRecords() + " record(s) sent, " + status.pendingRows() + " pending, "
                + status.deadRows() + " dead (a web application also has them at /actuator/health/ometria and /actuator/ometria)");
        exitCode = status.pendingRows() == 0 && status.deadRows() == 0 ? 0 : 1;
    }

    private void step(String what, OmetriaSimulator local, java.util.function.Supplier<String> ometriaView)
            throws InterruptedException {
        awaitDelivery();
        out.println("- " + what + (local == null ? ": delivered" : " -> Ometria holds " + ometriaView.get()));
    }

    /** Until the outbox has no pending row (the relay deletes a row once Ometria accepted its record). */
    private void awaitDelivery() throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (ometria.pendingOutboxRows() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ometria.flush(Duration.ofSeconds(5));
        OmetriaSimulator local = simulator.getIfAvailable();
        if (local != null) {
            local.awaitIdle(Duration.ofSeconds(5));
        }
    }

    private static String contact(OmetriaSimulator local, long id) {
        var record = local.contact("boot-sample", Long.toString(id)).deepCopy();
        record.put("email", mask(record.path("email").asText()));
        return record.toString();
    }

    /** {@code ada@example.com} → {@code a***@example.com}: the sample's output is a log like any other. */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
