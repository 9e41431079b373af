package dev.ometriasync.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.testkit.OmetriaSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the interactive mode with a script of commands, as a person would type them. */
class InteractiveShellTest {

    private static final String SCRIPT = String.join("\n",
            "help",
            "list products 3",
            "signup ada@example.com Ada Lovelace",
            "email 2 ada.new@example.org",
            "order 2 1 3",
            "addline 1 2 1",
            "cancel 1",
            "wish 2 3",
            "show customer 2",
            "show order 9999",
            "cancel x",
            "fly away",
            "",
            "verify",
            "report",
            "quit",
            "signup never@example.com");

    private static OmetriaSimulator ometria;
    private static String output;
    private static int status;

    @BeforeAll
    static void runTheScript() {
        ometria = OmetriaSimulator.builder().https(false).start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            status = SampleApp.run(OmetriaTarget.simulated(ometria), ShopDatabase.inMemory(), new HistoricData.Size(5, 5, 5),
                    true, new ByteArrayInputStream(SCRIPT.getBytes(StandardCharsets.UTF_8)), out);
        }
        output = console.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        ometria.close();
    }

    @Test
    void importsHistoryThenPromptsAndStopsAtQuit() {
        assertThat(status).as(output).isZero();
        assertThat(output).contains("15 records imported").contains("Interactive mode.").contains("shop> ")
                .contains(InteractiveShell.HELP)
                .contains("Bye (3 command(s) failed).");
        assertThat(output).doesNotContain("never@example.com");
        assertThat(ometria.contact("sample-shop", "ada-does-not-exist")).isNull();
    }

    @Test
    void signupIsSyncedAndShownNextToTheDatabase() {
        Matcher signedUp = Pattern.compile("contact (\\d+) \\(sample-shop\\) - signed up").matcher(output);
        assertThat(signedUp.find()).as(output).isTrue();
        assertThat(ometria.contact("sample-shop", signedUp.group(1)).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(ometria.contact("sample-shop", signedUp.group(1)).get("lastname").asText()).isEqualTo("Lovelace");
    }

    @Test
    void changesReachTheSimulator() {
        assertThat(ometria.contact("sample-shop", "2").get("email").asText()).isEqualTo("ada.new@example.org");
        // customer 2's new order (placed after the change) and its older ones all carry the new address
        assertThat(ometria.records("order")).filteredOn(o -> o.get("customer").get("id").asText().equals("ACC-00002"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.get("customer").get("email").asText()).isEqualTo("ada.new@example.org"));
        assertThat(ometria.record("order", "1").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(ometria.record("order", "1").get("is_valid").asBoolean()).isFalse();
        assertThat(ometria.records("custom_event")).singleElement()
                .satisfies(event -> assertThat(event.get("identity_account_id").asText()).isEqualTo("ACC-00002"));
        assertThat(ometria.records("order")).hasSize(6);
        assertThat(output).contains("e-mail changed").contains("line added").contains("cancelled")
                .contains("wishlist_added event").contains("=> Ometria holds exactly the database's record")
                .doesNotContain("DIFFERS");
    }

    @Test
    void listsRowsAndExplainsBadCommands() {
        assertThat(output).containsPattern("\\s+5  SKU-0005\\s+")
                .contains("error: no PurchaseOrder with id 9999")
                .contains("error: orderId must be a number, was 'x'")
                .contains("error: unknown command 'fly'; type help");
    }

    @Test
    void verifyAndReportSummariseTheSession() {
        assertThat(output).containsPattern("Customer +6 rows, +6 records in Ometria: all identical")
                .contains("VERIFIED: Ometria's state equals the database for every synced entity.")
                .doesNotContain("NOT VERIFIED");
        Matcher report = Pattern.compile("this session: +(\\d+) push requests: (\\d+) accepted").matcher(output);
        assertThat(report.find()).as(output).isTrue();
        // signup, email, order, addline, cancel, wish: one request each (each change is awaited before the next)
        assertThat(Integer.parseInt(report.group(2))).isEqualTo(6);
        assertThat(output).contains("records refused by Ometria's validation: 0").contains("outbox: 0 pending, 0 dead");
    }
}
