package demo;

import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Trial 48's project C: polls the bank every ten seconds for today's new payments. */
@Component
public class PaymentPoller {
  private final BankClient bank;

  public PaymentPoller(BankClient bank) { this.bank = bank; }

  @Scheduled(fixedDelay = 10_000)
  public void poll() {
    String today = LocalDate.now().toString();
    System.out.println(bank.transactions("259876543210", today, today));
  }
}
