package demo;

import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Trial 48's project C: a nightly report: no later run meets a 300 s entry (hostile review 50's R1). */
@Component
public class PaymentPoller {
  private final BankClient bank;

  public PaymentPoller(BankClient bank) { this.bank = bank; }

  @Scheduled(cron = "0 0 3 * * *")
  public void poll() {
    String today = LocalDate.now().toString();
    System.out.println(bank.transactions("259876543210", today, today));
  }
}
