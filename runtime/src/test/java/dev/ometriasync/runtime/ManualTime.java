package dev.ometriasync.runtime;

import dev.ometriasync.runtime.spi.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test says so, usable both as the pipeline's {@link TimeSource} and as a
 * {@link Clock} (for the simulator), so that one clock drives both sides.
 */
public class ManualTime extends Clock implements TimeSource {

    private record Task(Instant deadline, long order, Runnable action) {
    }

    private final AtomicLong order = new AtomicLong();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> {
        int byDeadline = a.deadline().compareTo(b.deadline());
        return byDeadline != 0 ? byDeadline : Long.compare(a.order(), b.order());
    });
    private Instant now;

    public ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("ManualTime is UTC only");
    }

    @Override
    public Scheduled schedule(Instant deadline, Runnable action) {
        Task task;
        synchronized (this) {
            if (deadline.isAfter(now)) {
                task = new Task(deadline, order.incrementAndGet(), action);
                tasks.add(task);
                notifyAll();
                Task added = task;
                return () -> {
                    synchronized (ManualTime.this) {
                        tasks.remove(added);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }

    /** Moves the clock forward and runs every task that became due, in deadline order. */
    public void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        advanceTo(target);
    }

    /** Moves the clock to {@code target} (never backwards), running due tasks in deadline order. */
    public void advanceTo(Instant target) {
        while (true) {
            Task due;
            synchronized (this) {
                Task head = tasks.peek();
                if (head == null || head.deadline().isAfter(target)) {
                    if (target.isAfter(now)) {
                        now = target;
                    }
                    return;
                }
                due = tasks.poll();
                if (due.deadline().isAfter(now)) {
                    now = due.deadline();
                }
            }
            due.action().run();
        }
    }

    /** The earliest deadline anyone waits for, if any. */
    public synchronized Optional<Instant> nextDeadline() {
        Task head = tasks.peek();
        return head == null ? Optional.empty() : Optional.of(head.deadline());
    }

    /** Jumps to the earliest deadline anyone waits for and runs what is due; false when nobody waits. */
    public boolean advanceToNextDeadline() {
        Optional<Instant> next = nextDeadline();
        next.ifPresent(this::advanceTo);
        return next.isPresent();
    }

    /** Deadlines currently waited for, for diagnostics. */
    public synchronized List<Instant> deadlines() {
        List<Instant> list = new ArrayList<>();
        for (Task task : tasks) {
            list.add(task.deadline());
        }
        list.sort(null);
        return list;
    }

    @Override
    public String toString() {
        return "ManualTime[" + instant() + "]";
    }
}
