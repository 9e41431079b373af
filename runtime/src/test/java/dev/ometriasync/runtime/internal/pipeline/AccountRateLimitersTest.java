package dev.ometriasync.runtime.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.runtime.internal.time.SystemTimeSource;
import dev.ometriasync.runtime.spi.TimeSource;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** One limiter per account: the API key decides, not the spelling of the endpoint. */
class AccountRateLimitersTest {

    private final TimeSource time = SystemTimeSource.INSTANCE;

    @Test
    void oneKeyIsOneAccountWhateverTheEndpointSpelling() {
        try (AccountRateLimiters.Lease byAddress = AccountRateLimiters.join("key-1", URI.create("http://127.0.0.1:8080"), time, 4);
                AccountRateLimiters.Lease byName = AccountRateLimiters.join("key-1", URI.create("http://localhost:8080/"), time, 4)) {
            assertThat(byName.limiter()).isSameAs(byAddress.limiter());
        }
    }

    @Test
    void differentKeysAreDifferentAccounts() {
        try (AccountRateLimiters.Lease first = AccountRateLimiters.join("key-2", URI.create("https://api.ometria.com"), time, 4);
                AccountRateLimiters.Lease second = AccountRateLimiters.join("key-3", URI.create("https://api.ometria.com"), time, 4)) {
            assertThat(second.limiter()).isNotSameAs(first.limiter());
        }
    }

    @Test
    void theSharedLimiterRunsAtTheLowestConfiguredRate() {
        try (AccountRateLimiters.Lease fast = AccountRateLimiters.join("key-4", URI.create("http://127.0.0.1:1"), time, 8);
                AccountRateLimiters.Lease slow = AccountRateLimiters.join("key-4", URI.create("http://localhost:1"), time, 4)) {
            assertThat(fast.limiter().requestsPerSecond()).isEqualTo(4);
        }
    }
}
