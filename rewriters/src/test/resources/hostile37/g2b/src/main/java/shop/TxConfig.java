package shop;
import java.lang.reflect.Proxy;
import java.util.concurrent.*;
import org.springframework.context.annotation.*;
import org.springframework.transaction.*;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
@Configuration
public class TxConfig {
    /** Transactions run later, on another thread ("fire and forget"), through a JDK proxy around the template. */
    @Bean
    TransactionOperations laterOperations(PlatformTransactionManager tm) {
        TransactionTemplate template = new TransactionTemplate(tm);
        Executor later = CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);
        return (TransactionOperations) Proxy.newProxyInstance(TxConfig.class.getClassLoader(), new Class<?>[] {TransactionOperations.class},
            (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) return method.invoke(template, args);
                later.execute(() -> { try { method.invoke(template, args); } catch (Exception e) { throw new IllegalStateException(e); } });
                return null;
            });
    }
}
