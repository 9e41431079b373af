package dev.ometriasync.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * This module is worth something only if it runs on the Hibernate ORM that Spring Boot brings. Nobody can
 * silently test another version: the Boot on the class path must be the one the build selected, and the
 * Hibernate ORM on the class path must be the version that Boot's own BOM ({@code spring-boot-dependencies},
 * read from the local Maven repository where this build resolved it) names in its {@code hibernate.version}.
 */
class HibernateVersionTest {

    @Test
    void bootIsTheSelectedLine() {
        String selected = System.getProperty("spring-boot.version");
        assertThat(selected).as("system property spring-boot.version, set by the pom").isNotBlank();
        assertThat(SpringBootVersion.getVersion()).as("Spring Boot on the class path").isEqualTo(selected);
    }

    @Test
    void hibernateIsTheOneBootManages() throws Exception {
        Path bom = Path.of(System.getProperty("spring-boot.bom", ""));
        assertThat(bom).as("Spring Boot's BOM in the local repository").isRegularFile();
        Matcher managed = Pattern.compile("<hibernate\\.version>([^<]+)</hibernate\\.version>").matcher(Files.readString(bom));
        assertThat(managed.find()).as("hibernate.version in " + bom).isTrue();

        assertThat(Version.getVersionString())
                .as("Hibernate ORM on the class path (org.hibernate.Version) against Boot "
                        + SpringBootVersion.getVersion() + "'s hibernate.version")
                .isEqualTo(managed.group(1));
    }
}
