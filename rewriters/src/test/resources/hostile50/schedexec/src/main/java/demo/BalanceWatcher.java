package demo;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.PostConstruct;
import javax.annotation.PreDestroy;
import org.springframework.stereotype.Component;
/** Watches the balance every five seconds on its own executor. */
@Component
public class BalanceWatcher {
  private final BankClient bank;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  final AtomicReference<String> balance = new AtomicReference<>();
  public BalanceWatcher(BankClient bank) { this.bank = bank; }
  @PostConstruct void start() { executor.scheduleWithFixedDelay(this::check, 5, 5, TimeUnit.SECONDS); }
  @PreDestroy void stop() { executor.shutdownNow(); }
  void check() { balance.set(bank.balance("259876543210")); }
}
