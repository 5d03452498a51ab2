package r;

import java.util.Set;
import lombok.Getter;
import lombok.Setter;

// Lombok writes the setter: a field assignment, nothing else
@Getter
@Setter
public class AccountDto {
    private String email;
    private Set<Role> roles;
}
