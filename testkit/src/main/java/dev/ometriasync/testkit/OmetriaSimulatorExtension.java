package dev.ometriasync.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link OmetriaSimulator}. In a {@code static} field it starts once for the
 * class and is {@linkplain OmetriaSimulator#reset() reset} after each test; in an instance field it starts and
 * stops around each test. Test methods may also take the simulator as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OmetriaSimulatorExtension ometria = OmetriaSimulatorExtension.withDefaults();
 *
 * @Test
 * void pushes(OmetriaSimulator simulator) { ... simulator.baseUri() ... }
 * }</pre>
 *
 * <p>Needs {@code junit-jupiter-api} on the test class path (an optional dependency of the testkit).
 */
public final class OmetriaSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Consumer<OmetriaSimulator.Builder> configuration;
    private OmetriaSimulator simulator;
    private boolean perClass;

    private OmetriaSimulatorExtension(Consumer<OmetriaSimulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /** @return an extension running a simulator with every default */
    public static OmetriaSimulatorExtension withDefaults() {
        return configured(builder -> { });
    }

    /**
     * @param configuration applied to the builder before each start, e.g.
     *     {@code b -> b.clock(clock).requestsPerSecond(4)}
     * @return an extension running a simulator configured so
     */
    public static OmetriaSimulatorExtension configured(Consumer<OmetriaSimulator.Builder> configuration) {
        return new OmetriaSimulatorExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * @return the running simulator
     * @throws IllegalStateException outside a test's lifecycle
     */
    public OmetriaSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs only while a test of the class runs");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = startOne();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = startOne();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perClass) {
            simulator.reset();
        } else {
            closeSimulator();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeSimulator();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OmetriaSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    private OmetriaSimulator startOne() {
        OmetriaSimulator.Builder builder = OmetriaSimulator.builder();
        configuration.accept(builder);
        return builder.start();
    }

    private void closeSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
