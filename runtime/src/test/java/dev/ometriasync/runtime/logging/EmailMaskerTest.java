package dev.ometriasync.runtime.logging;

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
    void masksAddressesInEveryScript() {
        assertThat(EmailMasker.mask("jörg.müller@example.de")).isEqualTo("j***@example.de");
        assertThat(EmailMasker.mask("to Ærøskøbing@münchen.de now")).isEqualTo("to Æ***@münchen.de now");
        assertThat(EmailMasker.mask("иван@пример.рф")).isEqualTo("и***@пример.рф");
        assertThat(EmailMasker.mask("ivan@xn--e1afmkfd.xn--p1ai")).isEqualTo("i***@xn--e1afmkfd.xn--p1ai");
        assertThat(EmailMasker.mask("用户@例子.广告")).isEqualTo("用***@例子.广告");
        assertThat(EmailMasker.mask("𝒜lice@example.com")).isEqualTo("𝒜***@example.com");
    }

    @Test
    void masksQuotedLocalParts() {
        assertThat(EmailMasker.mask("reply to \"john doe\"@example.com please"))
                .isEqualTo("reply to \"***@example.com please");
    }

    @Test
    void masksLazilyForLogArguments() {
        Object argument = EmailMasker.masked(new StringBuilder("sent to jane@example.com"));
        assertThat(argument).hasToString("sent to j***@example.com");
        assertThat(EmailMasker.masked(null)).hasToString("null");
    }
}
