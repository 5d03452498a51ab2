package demo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;
/** The bank's API: the account's transactions of a day. */
@Service
public class BankClient {
  private final RestTemplate rest = new RestTemplate();
  private final String base;
  public BankClient(@Value("${bank.url}") String base) { this.base = base; }
  public String transactions(String account, String day) {
    return rest.getForObject(base + "/accounts/{a}/transactions?day={d}", String.class, account, day);
  }
  public String balance(String account) {
    return rest.getForObject(base + "/accounts/{a}/balance", String.class, account);
  }
}
