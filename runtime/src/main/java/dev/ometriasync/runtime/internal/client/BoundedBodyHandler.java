package dev.ometriasync.runtime.internal.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory up to a limit and discards the rest, so that a misbehaving proxy
 * answering with megabytes of HTML cannot exhaust the heap. Ometria's own answers are a few hundred bytes
 * (push) or at most 100 short entries ({@code _errors}).
 */
final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private final int limit;

    BoundedBodyHandler(int limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo responseInfo) {
        return new Subscriber(limit);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final int limit;
        private byte[] buffer = new byte[256];
        private int size;

        Subscriber(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            // Keep reading past the limit (and drop it) so the connection can be reused.
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), limit - size);
                if (take > 0) {
                    if (size + take > buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(buffer.length * 2, size + take)));
                    }
                    item.get(buffer, size, take);
                    size += take;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(Arrays.copyOf(buffer, size));
        }
    }
}
