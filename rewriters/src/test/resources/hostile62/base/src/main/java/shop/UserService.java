package shop;

import org.springframework.stereotype.Service;

@Service
public class UserService {
    private final UserDao users;

    public UserService(UserDao users) {
        this.users = users;
    }

    public String describe(long id) {
        return users.user(id).toString();
    }
}
