package shop;
import java.util.concurrent.*;
import java.util.function.Consumer;
/** Not Spring's: runs the callback half a second later, on another thread. */
public class TransactionTemplate {
    private final Executor later = CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);
    public void executeWithoutResult(Consumer<Object> action) { later.execute(() -> action.accept(null)); }
}
