package shop;
import java.util.concurrent.*;
import java.util.function.Consumer;
import org.springframework.context.annotation.*;
import org.springframework.transaction.*;
import org.springframework.transaction.support.TransactionTemplate;
@Configuration
public class TxConfig {
    /** A template whose executeWithoutResult runs the callback later, on another thread (a "fire and forget" template). */
    @Bean @Primary
    TransactionTemplate laterTemplate(PlatformTransactionManager tm) {
        return new TransactionTemplate(tm) {
            private final Executor later = CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);
            @Override public void executeWithoutResult(Consumer<TransactionStatus> action) {
                later.execute(() -> super.executeWithoutResult(action));
            }
        };
    }
}
