package dev.ometriasync.runtime.internal.resilience;

import dev.failsafe.spi.DefaultScheduledFuture;
import dev.failsafe.spi.Scheduler;
import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failsafe's scheduler on a {@link TimeSource}: retry delays are measured by the pipeline's clock (a manual
 * clock in tests), and the attempts run on the pipeline's executor.
 */
final class TimeSourceScheduler implements Scheduler {

    private final TimeSource time;
    private final Executor executor;

    TimeSourceScheduler(TimeSource time, Executor executor) {
        this.time = time;
        this.executor = executor;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        ScheduledTask task = new ScheduledTask(callable);
        task.timer = time.schedule(time.now().plus(Duration.ofNanos(unit.toNanos(delay))), () -> {
            try {
                executor.execute(task::run);
            } catch (RejectedExecutionException shutDown) {
                // The pipeline closed; it completed its records itself. Nothing to run.
                task.cancel(false);
            }
        });
        return task;
    }

    private static final class ScheduledTask extends DefaultScheduledFuture<Object> {
        private static final int WAITING = 0;
        private static final int RAN = 1;
        private static final int CANCELLED = 2;

        private final Callable<?> callable;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile TimeSource.Scheduled timer;

        ScheduledTask(Callable<?> callable) {
            this.callable = callable;
        }

        void run() {
            if (state.compareAndSet(WAITING, RAN)) {
                try {
                    callable.call();
                } catch (Exception e) {
                    // Failsafe's callables complete their own promise on failure; nothing more to do here.
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = state.compareAndSet(WAITING, CANCELLED);
            TimeSource.Scheduled t = timer;
            if (cancelled && t != null) {
                t.cancel();
            }
            return cancelled;
        }

        @Override
        public boolean isCancelled() {
            return state.get() == CANCELLED;
        }

        @Override
        public boolean isDone() {
            return state.get() != WAITING;
        }
    }
}
