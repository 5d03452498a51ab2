package shop;
import jakarta.persistence.*;
@Entity public class Perm { @Id Long id; String code; @ManyToOne(fetch = FetchType.LAZY) Account account;
  public Perm() {} public Perm(Long id, String code, Account a) { this.id = id; this.code = code; this.account = a; }
  public String getCode(){return code;} }
