package demo;

import org.springframework.stereotype.Service;

@Service
public class UserService {
  private final UserRepository users;

  public UserService(UserRepository users) { this.users = users; }

  public AppUser getUserByCode(String code) { return users.findByCode(code); }
}
