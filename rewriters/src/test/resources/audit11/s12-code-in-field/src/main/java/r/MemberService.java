package r;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

// Its only field is the repository: no lambda, no method reference, nothing that runs its own methods past the proxy.
@Service
public class MemberService implements UserDetailsService {
    private final MemberRepository repository;
    public MemberService(MemberRepository repository) { this.repository = repository; }

    public void delete(int id) { repository.delete(id); } // the database deletes the member's votes (@OnDelete)

    @Override
    public UserDetails loadUserByUsername(String email) throws UsernameNotFoundException {
        Member m = repository.getByEmail(email);
        if (m == null) throw new UsernameNotFoundException(email);
        return new org.springframework.security.core.userdetails.User(m.getEmail(), m.getPassword(), List.of());
    }
}
