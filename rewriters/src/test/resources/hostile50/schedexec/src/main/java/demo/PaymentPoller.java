package demo;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
/** Polls the bank every ten seconds for today's new payments (registered in code, not by @Scheduled). */
@Component
public class PaymentPoller implements SchedulingConfigurer {
  private final BankClient bank;
  final AtomicReference<String> lastSeen = new AtomicReference<>();
  public PaymentPoller(BankClient bank) { this.bank = bank; }
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) { registrar.addFixedDelayTask(this::poll, 10_000); }
  public void poll() { lastSeen.set(bank.transactions("259876543210", LocalDate.now().toString())); }
}
