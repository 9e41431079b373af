package dev.ometriasync.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OmetriaValuesTest {

    @Test
    void timestampsAlwaysCarryANumericOffset() {
        assertThat(OmetriaValues.timestamp(Instant.parse("2023-05-25T15:32:52Z"))).isEqualTo("2023-05-25T15:32:52+00:00");
        assertThat(OmetriaValues.timestamp(Instant.parse("2023-05-25T15:32:52.120Z")))
                .isEqualTo("2023-05-25T15:32:52.12+00:00");
        assertThat(OmetriaValues.timestamp(OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))))
                .isEqualTo("2024-01-02T03:04:00+05:30");
        assertThat(OmetriaValues.timestamp(ZonedDateTime.of(2024, 7, 1, 9, 0, 0, 0, ZoneId.of("Europe/London"))))
                .isEqualTo("2024-07-01T09:00:00+01:00");
        assertThat(OmetriaValues.timestamp(LocalDateTime.of(2024, 1, 1, 9, 0), ZoneId.of("Europe/London")))
                .isEqualTo("2024-01-01T09:00:00+00:00");
        assertThat(OmetriaValues.timestamp(new Date(0))).isEqualTo("1970-01-01T00:00:00+00:00");
        assertThat(OmetriaValues.timestamp(java.sql.Date.valueOf(LocalDate.of(2024, 2, 29))))
                .endsWith("+00:00");
        assertThat(OmetriaValues.date(LocalDate.of(1990, 4, 3))).isEqualTo("1990-04-03");
    }

    @Test
    void numbersArePlainAndFinite() {
        assertThat(OmetriaValues.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(OmetriaValues.finite(1.5, "price")).isEqualTo(1.5);
        assertThatThrownBy(() -> OmetriaValues.finite(Double.POSITIVE_INFINITY, "price"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'price' is Infinity");
        assertThatThrownBy(() -> OmetriaValues.finite(Float.NaN, "tax"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tax' is NaN");
    }

    @Test
    void countryOfALocaleWithoutCountryIsAbsent() {
        assertThat(OmetriaValues.country(Locale.UK)).isEqualTo("GB");
        assertThat(OmetriaValues.country(Locale.ENGLISH)).isNull();
        assertThat(OmetriaValues.country(null)).isNull();
    }

    @Test
    void stringArraysSkipNullsAndWriteEnumsByName() throws IOException {
        assertThat(write(g -> OmetriaValues.writeStringArray(g, Arrays.asList("a", null, Thread.State.NEW))))
                .isEqualTo("[\"a\",\"NEW\"]");
        assertThat(write(g -> OmetriaValues.writeStringArray(g, new String[] {"x", "y"}))).isEqualTo("[\"x\",\"y\"]");
    }

    @Test
    void freeObjectsWriteEveryJsonKindAndRefuseTheRest() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "t");
        values.put("none", null);
        values.put("flag", true);
        values.put("count", 3);
        values.put("ratio", 0.25f);
        values.put("money", new BigDecimal("1E+2"));
        values.put("state", Thread.State.RUNNABLE);
        values.put("uuid", new UUID(0, 1));
        values.put("currency", Currency.getInstance("GBP"));
        values.put("locale", Locale.UK);
        values.put("when", Instant.EPOCH);
        values.put("day", LocalDate.of(2024, 1, 1));
        values.put("list", List.of(1, "two"));
        values.put("nested", Map.of("k", "v"));
        assertThat(write(g -> OmetriaValues.writeFreeObject(g, values, "properties"))).isEqualTo("{\"text\":\"t\","
                + "\"none\":null,\"flag\":true,\"count\":3,\"ratio\":0.25,\"money\":100,\"state\":\"RUNNABLE\","
                + "\"uuid\":\"00000000-0000-0000-0000-000000000001\",\"currency\":\"GBP\",\"locale\":\"en-GB\","
                + "\"when\":\"1970-01-01T00:00:00+00:00\",\"day\":\"2024-01-01\",\"list\":[1,\"two\"],\"nested\":{\"k\":\"v\"}}");
        assertThatThrownBy(() -> write(g -> OmetriaValues.writeFreeObject(g, Map.of("at", LocalDateTime.MIN), "properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'properties.at' holds a java.time.LocalDateTime without an offset");
        assertThatThrownBy(() -> write(g -> OmetriaValues.writeFreeObject(g, Map.of("x", new Object()), "properties")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no JSON form");
    }

    private interface Writing {
        void write(JsonGenerator generator) throws IOException;
    }

    private static String write(Writing writing) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            writing.write(generator);
        }
        return out.toString();
    }
}
