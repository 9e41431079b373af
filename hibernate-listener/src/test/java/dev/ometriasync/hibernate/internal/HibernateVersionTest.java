package dev.ometriasync.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hibernate.Version;
import org.hibernate.event.spi.AbstractEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Hibernate ORM line is recognised at start-up, and a version the integration cannot run on is refused
 * with one message naming the running version, the supported ones and what to do.
 */
class HibernateVersionTest {

    @Test
    void runsOnTheHibernateThisBuildWasCompiledAgainst() {
        HibernateLine line = HibernateLine.running();

        assertThat(line.version()).isEqualTo(Version.getVersionString());
        // the build passes the version it compiled against: each matrix module must really run on its own line
        String expected = System.getProperty("ometriasync.test.hibernate-version");
        assertThat(expected).as("system property ometriasync.test.hibernate-version (set by the build)").isNotBlank();
        assertThat(line.version()).isEqualTo(expected);
        assertThat(line.isTested()).isTrue();
        assertThat(line.statelessEventsCarrySession()).isEqualTo(line.release().compareTo(new HibernateLine.Release(7, 2)) >= 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.6.0.Final", "6.6.33.Final", "7.1.10.Final", "7.2.19.Final", "7.3.13.Final", "7.4.15.Final"})
    void supportedLinesAreTested(String version) {
        assertThat(HibernateLine.of(version, AbstractEvent.class).isTested()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.0.10.Final", "7.5.0.CR1"})
    void untestedLinesOfASupportedMajorRunWhenTheirApiBinds(String version) {
        assertThat(HibernateLine.of(version, AbstractEvent.class).isTested()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.5.3.Final", "6.4.10.Final", "5.6.15.Final", "8.0.0.Alpha1", "not-a-version"})
    void unsupportedVersionsAreRefusedWithAnActionableMessage(String version) {
        assertThatThrownBy(() -> HibernateLine.of(version, AbstractEvent.class))
                .isInstanceOf(UnsupportedHibernateException.class)
                .hasMessageContaining("ometria-sync cannot run on Hibernate ORM " + version)
                .hasMessageContaining("Hibernate ORM 6.6.x, 7.1.x, 7.2.x, 7.3.x and 7.4.x")
                .hasMessageContaining("Use a supported Hibernate ORM version, or set ometria.enabled=false");
    }

    /** Stands in for a Hibernate whose event class lost the accessor the integration binds. */
    static final class EventWithoutSession {
    }

    @Test
    void aChangedEventApiIsRefusedAtStartNotInATransaction() {
        assertThatThrownBy(() -> HibernateLine.of("7.4.15.Final", EventWithoutSession.class))
                .isInstanceOf(UnsupportedHibernateException.class)
                .hasMessageContaining("its event API is not the one this integration was built for")
                .hasMessageContaining("getSession");
    }
}
