package demo;

import org.acme.security.AbstractLoginSupport;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/** A login over a library base class, whose hooks optkit cannot list: every method of it stays login code. */
@Service
public class LegacyLogin extends AbstractLoginSupport implements UserDetailsService {
    private final OperatorRepository operators;

    public LegacyLogin(OperatorRepository operators) {
        this.operators = operators;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return check(username);
    }

    public Operator operator(Long id) {
        return operators.findById(id).orElseThrow();
    }
}
