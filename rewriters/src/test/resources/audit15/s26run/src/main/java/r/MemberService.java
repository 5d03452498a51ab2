package r;

import jakarta.annotation.PostConstruct;
import org.springframework.stereotype.Service;

@Service
public class MemberService {
    private final MemberRepository repository;

    public MemberService(MemberRepository repository) {
        this.repository = repository;
    }

    public Member save(Member member) {
        return repository.save(member);
    }

    public Member register(String email) {
        return save(new Member(email)); // through 'this', as UserService.registrationNewUser() in project V
    }

    @PostConstruct
    public void createSomeMembers() { // as UserService.createSomeUser() in project V: runs once, at startup
        register("admin@example.org");
    }
}
