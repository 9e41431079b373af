package dev.ometriasync.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JdkHttpClientLoggingTest {

    @ParameterizedTest
    @ValueSource(strings = {"headers", "all", "errors,headers", "requests, HEADERS ,ssl", "ALL"})
    void recognisesTheSettingsThatPrintRequestHeaders(String value) {
        assertThat(JdkHttpClientLogging.logsHeaders(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"errors", "errors,requests,frames,ssl,trace,channel,content", "headerz"})
    void leavesTheOthersAlone(String value) {
        assertThat(JdkHttpClientLogging.logsHeaders(value)).isFalse();
    }
}
