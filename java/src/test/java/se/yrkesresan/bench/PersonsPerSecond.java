package se.yrkesresan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import se.yrkesresan.Program;

/**
 * persons/s through the Java binding on the records the C baseline reads
 * (scripts/bench-java.sh): "as_of<TAB>person record" lines, one shared
 * program, N platform threads or N virtual threads. A benchmark, not a test.
 *
 *   PersonsPerSecond RECORDS.tsv THREADS ROUNDS
 */
public final class PersonsPerSecond {
    private PersonsPerSecond() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        LocalDate[] dates = new LocalDate[lines.size()];
        String[] persons = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            dates[i] = LocalDate.parse(lines.get(i).substring(0, 10));
            persons[i] = lines.get(i).substring(11);
        }
        try (Program gr = Program.builtin("gr-barn-unga")) {
            // Warm-up: the JIT compiles the binding's paths first.
            for (int i = 0; i < Math.min(2000, persons.length); i++) gr.evaluateJson(persons[i], dates[i]);
            for (String kind : new String[] {"platform", "virtual"}) {
                int workers = kind.equals("virtual") ? threads * 4 : threads;
                long start = System.nanoTime();
                try (ExecutorService pool = kind.equals("virtual") ? Executors.newVirtualThreadPerTaskExecutor()
                        : Executors.newFixedThreadPool(workers)) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int w = 0; w < workers; w++) {
                        final int first = w;
                        done.add(pool.submit(() -> {
                            for (int r = 0; r < rounds; r++)
                                for (int i = first; i < persons.length; i += workers) gr.evaluateJson(persons[i], dates[i]);
                            return null;
                        }));
                    }
                    for (Future<?> f : done) f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("Java  %2d %s threads  %8.0f persons/s%n", workers, kind,
                        (double) persons.length * rounds / seconds);
            }
        }
    }
}
