package se.yrkesresan;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of virtual threads on one program, each yielding between the
 * downcall and reading its error (a thread-local last error would then be
 * read on another carrier, or overwritten by another virtual thread): every
 * thread reads its own error, and every evaluation equals the
 * single-threaded one.
 */
class VirtualThreadsTest {
    static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    static final int THREADS = 4000;

    @Test
    void everyThreadReadsItsOwnError() throws Exception {
        try (Program gr = Program.builtin("gr-barn-unga")) {
            String expected = gr.evaluateJson(Fixtures.NEWCOMER, FEB);
            AtomicInteger wrong = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < THREADS; i++) {
                    final int n = i;
                    futures.add(pool.submit(() -> {
                        if (n % 2 == 0) {
                            // Through the binding, with a yield before the result is read.
                            String got = gr.evaluateJson(Fixtures.NEWCOMER, FEB);
                            Thread.yield();
                            if (!got.equals(expected)) wrong.incrementAndGet();
                            return null;
                        }
                        // A failure whose path names this thread: an unknown field "f<n>".
                        String field = "f" + n;
                        String person = Fixtures.NEWCOMER.replace("}", ", \"" + field + "\": 1}");
                        try (Arena arena = Arena.ofConfined()) {
                            Native.Text p = Native.text(arena, person);
                            MemorySegment date = Native.cString(arena, FEB.toString());
                            MemorySegment out = arena.allocate(ADDRESS);
                            MemorySegment size = arena.allocate(JAVA_LONG);
                            MemorySegment error = arena.allocate(ADDRESS);
                            int rc = (int) Native.H.EVALUATE.invokeExact(gr.handleForTests(), p.data(), p.size(), date,
                                    MemorySegment.NULL, 0L, out, size, error);
                            Thread.yield();  // between the call and reading its error
                            Thread.sleep(n % 3);
                            YrkesresanException e = Native.error(rc, error);
                            if (rc != -7 || !e.path().equals("/" + field) || !e.kind().equals("unknown_field"))
                                wrong.incrementAndGet();
                        } catch (Throwable t) {
                            wrong.incrementAndGet();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) f.get();
            assertEquals(0, wrong.get(), "threads that read another thread's result or error");
        }
    }
}
