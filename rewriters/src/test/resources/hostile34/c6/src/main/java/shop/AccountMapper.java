package shop;
import org.springframework.beans.BeanUtils;
final class AccountMapper {
  private AccountMapper() {}
  static AccountDto toDto(Account a) {
    AccountDto d = new AccountDto();
    BeanUtils.copyProperties(a, d);
    return d;
  }
}
