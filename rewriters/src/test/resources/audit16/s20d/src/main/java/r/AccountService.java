package r;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {
    private final AccountRepository accountRepository;
    private final RoleService roleService;

    public AccountService(AccountRepository accountRepository, RoleService roleService) {
        this.accountRepository = accountRepository;
        this.roleService = roleService;
    }

    @Transactional
    public Account register(String email) {
        Role customer = roleService.getRoleByName("CUSTOMER");
        Set<Role> roles = new HashSet<>();
        roles.add(customer);
        AccountDto dto = new AccountDto();
        dto.setEmail(email);
        dto.setRoles(roles);
        Account account = new Account();
        account.setEmail(dto.getEmail());
        return accountRepository.save(account);
    }

    public List<AccountView> search(String text) {
        return accountRepository.findByEmailContaining(text).stream()
                .map(a -> AccountView.builder().id(a.getId()).email(a.getEmail()).ownerId(a.getOwnerId()).build())
                .collect(Collectors.toList());
    }
}
