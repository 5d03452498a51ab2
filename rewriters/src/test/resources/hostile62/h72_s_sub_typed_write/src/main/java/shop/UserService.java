package shop;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class UserService {
    private final UserDao users;

    public UserService(UserDao users) {
        this.users = users;
    }

    public List<String> roles(long id) {
        return users.roles(id);
    }

    public void rename(String prefix) {
        SubHolder h = users.holder();
        h.allowed.add("admin");
    }
}
