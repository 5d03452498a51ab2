package shop;
import org.springframework.stereotype.Service;
@Service public class CustomerService {
  private final CustomerRepository repo; public CustomerService(CustomerRepository repo){this.repo=repo;}
  public void rename(String id, String n) { Customer c = repo.findById(id).orElseThrow(); c.setName(n); repo.save(c); }
}
