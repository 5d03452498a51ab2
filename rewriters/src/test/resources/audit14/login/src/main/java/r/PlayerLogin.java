package r;

import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

// the login reads the DAO: its user, password hash and all, is what the login checks (audit 14's J project)
@Service
public class PlayerLogin implements UserDetailsService {
    private final PlayerDao players;

    public PlayerLogin(PlayerDao players) {
        this.players = players;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        Player player = players.findByLogin(login);
        return new User(player.getLogin(), player.getPassword(), List.of());
    }
}
