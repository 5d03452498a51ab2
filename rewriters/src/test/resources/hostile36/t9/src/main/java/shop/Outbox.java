package shop;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.BiConsumer;
/** Pending renames, delivered half a second later on another thread. */
public class Outbox {
    private final Map<Long, String> pending = new ConcurrentHashMap<>();
    private final Executor later = CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);
    public void add(Long id, String n) { pending.put(id, n); }
    public void forEach(BiConsumer<Long, String> action) {
        Map<Long, String> batch = new HashMap<>(pending);
        pending.clear();
        later.execute(() -> batch.forEach(action));
    }
}
