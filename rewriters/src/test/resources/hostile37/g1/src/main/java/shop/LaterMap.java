package shop;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.BiConsumer;
/** Pending renames, delivered half a second later on another thread. */
public class LaterMap extends ConcurrentHashMap<Long, String> {
    private final Executor later = CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);
    @Override public void forEach(BiConsumer<? super Long, ? super String> action) {
        Map<Long, String> batch = new HashMap<>(this);
        clear();
        later.execute(() -> batch.forEach(action));
    }
}
