import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * bench/run's calibration figure: the milliseconds one core takes for a fixed piece of ordinary JVM work (strings,
 * hash maps, small objects, sorting), JIT-warm. Figures from different machines, or from one machine on a busy day,
 * compare once divided by it. Runs as a source file: java bench/Calibration.java
 */
public final class Calibration {

    private static final int ROUNDS = 9;
    private static final int WARM_UP_ROUNDS = 4;
    private static long sink;

    public static void main(String[] args) {
        long[] nanos = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            sink += workload(new Random(42));
            nanos[round] = System.nanoTime() - start;
        }
        long[] warm = Arrays.copyOfRange(nanos, WARM_UP_ROUNDS, ROUNDS);
        Arrays.sort(warm);
        System.out.printf("%.1f%n", warm[warm.length / 2] / 1e6);
        if (sink == 42) {
            System.out.println(); // keeps the work from being optimized away
        }
    }

    private static long workload(Random random) {
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            String key = "product-" + (random.nextInt(50_000));
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        long total = 0;
        StringBuilder json = new StringBuilder();
        for (Map.Entry<String, List<Integer>> entry : index.entrySet()) {
            json.setLength(0);
            json.append("{\"id\":\"").append(entry.getKey()).append("\",\"lines\":").append(entry.getValue()).append('}');
            total += json.toString().hashCode();
        }
        int[] numbers = new int[1_000_000];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = random.nextInt();
        }
        Arrays.sort(numbers);
        return total + numbers[numbers.length / 2];
    }
}
