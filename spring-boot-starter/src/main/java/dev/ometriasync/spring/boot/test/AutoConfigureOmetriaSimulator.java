package dev.ometriasync.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Starts an {@code OmetriaSimulator} (from {@code ometria-sync-testkit}, on a loopback port, plain HTTP) with the test's
 * application context and points ometria-sync at it, whatever {@code ometria.api-key} and {@code ometria.endpoint}
 * say. Works on {@code @SpringBootTest} and on slices: a {@code @DataJpaTest} runs ometria-sync only with this
 * annotation (without it the slice starts no relay). Inject {@link OmetriaTestSync} to wait until everything
 * committed has reached the simulator, and {@code OmetriaSimulator} to look at what it holds:
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureOmetriaSimulator
 * class SignUpTest {
 *     @Autowired OmetriaTestSync ometria;
 *     @Autowired OmetriaSimulator simulator;
 *
 *     @Test void signUpReachesOmetria() {
 *         shop.signUp("ada@example.com");
 *         ometria.awaitSynced();
 *         assertThat(simulator.records("contact")).hasSize(1);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureOmetriaSimulator {
}
