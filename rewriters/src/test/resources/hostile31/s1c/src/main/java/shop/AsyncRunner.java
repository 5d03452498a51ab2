package shop;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
@Component
public class AsyncRunner {
    @Async public void later(Runnable task) { task.run(); }
}
