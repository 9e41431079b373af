package dev.ometriasync.runtime.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskerTest {

    @Test
    void keepsTheFirstCharacterAndTheDomain() {
        assertThat(EmailMasker.mask("john.doe@example.com")).isEqualTo("j***@example.com");
    }

    @Test
    void masksEveryAddressInAText() {
        assertThat(EmailMasker.mask("from \"a.b+tag@mail.example.co.uk\" to x@y.io, cc <Z_Z@sub.domain.org>."))
                .isEqualTo("from \"a***@mail.example.co.uk\" to x***@y.io, cc <Z***@sub.domain.org>.");
    }

    @Test
    void masksAddressesInsideJson() {
        assertThat(EmailMasker.mask("{\"email\":\"jane@example.com\",\"n\":1}")).isEqualTo("{\"email\":\"j***@example.com\",\"n\":1}");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(EmailMasker.mask("order ORD-1 @ 12:00, user@localhost")).isEqualTo("order ORD-1 @ 12:00, user@localhost");
        assertThat(EmailMasker.mask(null)).isNull();
        assertThat(EmailMasker.mask("")).isEmpty();
    }

    @Test
    void masksLazilyForLogArguments() {
        Object argument = EmailMasker.masked(new StringBuilder("sent to jane@example.com"));
        assertThat(argument).hasToString("sent to j***@example.com");
        assertThat(EmailMasker.masked(null)).hasToString("null");
    }
}
