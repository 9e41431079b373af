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
 * One entity to the bytes of a push request, end to end ({@link EndToEnd}): written, checked against the
 * catalogue and the size limit, and copied into the request body. Three writers: the generated serializer,
 * Jackson databind (reused {@code ObjectMapper}, JSR-310 module, same entity annotated with
 * {@code @JsonProperty}; its bytes are read into a record) and a hand-written streaming writer with
 * pre-encoded names behind the serializer SPI. A contact with 15 fields and an order with 10 line items. Run
 * through {@link SerializerBenchmarkMain}, which adds {@code -prof gc} and prints the table.
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

    private EndToEnd endToEnd;
    private BenchContact contact;
    private BenchOrder order;
    private OmetriaSerializer<BenchContact> generatedContact;
    private OmetriaSerializer<BenchOrder> generatedOrder;
    private OmetriaSerializer<BenchContact> handWrittenContact;
    private OmetriaSerializer<BenchOrder> handWrittenOrder;

    /** Builds the entities and resolves every writer once, as an application would. */
    @Setup
    public void setUp() {
        endToEnd = new EndToEnd();
        contact = BenchData.contact(42);
        order = BenchData.order("ORD-42", 10);
        generatedContact = OmetriaSerializers.of(contact);
        generatedOrder = OmetriaSerializers.of(order);
        handWrittenContact = HandWrittenSerializer.contact();
        handWrittenOrder = HandWrittenSerializer.order();
    }

    /** @return the request body of the contact's record written by the generated serializer */
    @Benchmark
    public byte[] contactGenerated() {
        return endToEnd.throughSerializer(generatedContact, contact);
    }

    /** @return the request body of the contact's record written by Jackson databind */
    @Benchmark
    public byte[] contactDatabind() {
        return endToEnd.throughDatabind(contact);
    }

    /** @return the request body of the contact's record written by the hand-written streaming writer */
    @Benchmark
    public byte[] contactHandWritten() {
        return endToEnd.throughSerializer(handWrittenContact, contact);
    }

    /** @return the request body of the order's record written by the generated serializer */
    @Benchmark
    public byte[] orderGenerated() {
        return endToEnd.throughSerializer(generatedOrder, order);
    }

    /** @return the request body of the order's record written by Jackson databind */
    @Benchmark
    public byte[] orderDatabind() {
        return endToEnd.throughDatabind(order);
    }

    /** @return the request body of the order's record written by the hand-written streaming writer */
    @Benchmark
    public byte[] orderHandWritten() {
        return endToEnd.throughSerializer(handWrittenOrder, order);
    }
}
