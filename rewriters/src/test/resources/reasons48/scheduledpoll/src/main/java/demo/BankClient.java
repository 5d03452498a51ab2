package demo;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

/** The bank's API: the account's transactions between two days. */
@Service
public class BankClient {
  private final RestTemplate rest = new RestTemplate();

  public String transactions(String account, String from, String to) {
    return rest.getForObject("https://bank.example/accounts/{a}/transactions?from={f}&to={t}", String.class,
        account, from, to);
  }
}
