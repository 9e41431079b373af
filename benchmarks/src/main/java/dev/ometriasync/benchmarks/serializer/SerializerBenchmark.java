package dev.ometriasync.benchmarks.serializer;

import dev.ometriasync.benchmarks.model.BenchContact;
import dev.ometriasync.benchmarks.model.BenchData;
import dev.ometriasync.benchmarks.model.BenchOrder;
import dev.ometriasync.runtime.OmetriaSerializers;
import dev.ometriasync.spi.OmetriaSerializer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full Ometria record to bytes: the generated serializer against Jackson databind (reused
 * {@code ObjectMapper}, JSR-310 module, same entity annotated with {@code @JsonProperty}) and against a
 * hand-written streaming writer with pre-encoded names. A contact with 15 fields and an order with 10 line
 * items. Run through {@link SerializerBenchmarkMain}, which adds {@code -prof gc} and prints the table.
 *
 * <p>Warm-up: 8 iterations of 2 s per fork (16 s) before 6 measured iterations of 2 s; on a shared 2-core
 * machine C2 has finished compiling these small methods well within the first 5 s, and the extra
 * iterations absorb GC and neighbour noise. Two forks so that one unlucky JIT decision shows as error.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class SerializerBenchmark {

    private RecordWriters writers;
    private BenchContact contact;
    private BenchOrder order;
    private RecordWriters.StreamingWriter<BenchContact> generatedContact;
    private RecordWriters.StreamingWriter<BenchOrder> generatedOrder;
    private RecordWriters.StreamingWriter<BenchContact> handWrittenContact;
    private RecordWriters.StreamingWriter<BenchOrder> handWrittenOrder;

    /** Builds the entities and resolves every writer once, as an application would. */
    @Setup
    public void setUp() {
        writers = new RecordWriters();
        contact = BenchData.contact(42);
        order = BenchData.order("ORD-42", 10);
        OmetriaSerializer<BenchContact> contactSerializer = OmetriaSerializers.of(contact);
        OmetriaSerializer<BenchOrder> orderSerializer = OmetriaSerializers.of(order);
        generatedContact = contactSerializer::writeFull;
        generatedOrder = orderSerializer::writeFull;
        handWrittenContact = HandWrittenWriters::writeContact;
        handWrittenOrder = HandWrittenWriters::writeOrder;
    }

    /** @return the contact's record written by the generated serializer */
    @Benchmark
    public byte[] contactGenerated() {
        return writers.streaming(generatedContact, contact);
    }

    /** @return the contact's record written by Jackson databind */
    @Benchmark
    public byte[] contactDatabind() {
        return writers.databind(contact);
    }

    /** @return the contact's record written by the hand-written streaming writer */
    @Benchmark
    public byte[] contactHandWritten() {
        return writers.streaming(handWrittenContact, contact);
    }

    /** @return the order's record written by the generated serializer */
    @Benchmark
    public byte[] orderGenerated() {
        return writers.streaming(generatedOrder, order);
    }

    /** @return the order's record written by Jackson databind */
    @Benchmark
    public byte[] orderDatabind() {
        return writers.databind(order);
    }

    /** @return the order's record written by the hand-written streaming writer */
    @Benchmark
    public byte[] orderHandWritten() {
        return writers.streaming(handWrittenOrder, order);
    }
}
