package shop;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class UserService {
    private final UserDao users;
    private final Holder holder;

    public UserService(UserDao users, Holder holder) {
        this.users = users;
        this.holder = holder;
    }

    public List<String> roles(long id) {
        return users.roles(id);
    }

    public void rename(String prefix) {
        holder.allowed.add("admin");
    }
}
