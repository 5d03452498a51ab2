package demo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The control: the same read behind a page instead of a schedule. */
@RestController
public class PaymentPoller {
  private final BankClient bank;

  public PaymentPoller(BankClient bank) { this.bank = bank; }

  @GetMapping("/transactions")
  public String transactions(@RequestParam String from, @RequestParam String to) {
    return bank.transactions("259876543210", from, to);
  }
}
